import { createHmac } from 'node:crypto';
import { dispatchWebhook } from '../core/dispatch';
import { describeFixtures, webhookInput } from '../core/testing';
import { SHARED_FIXTURES } from './reviewboard.expectations';
import { reviewboardIntegration as reviewboard } from './reviewboard.handler';

describeFixtures('Review Board on the captured fixtures in ../shared', SHARED_FIXTURES);

describe('Review Board', () => {
  it('reports other events as unsupported', () => {
    const input = webhookInput({}, {}, { 'X-ReviewBoard-Event': 'review_request_deleted' });
    expect(dispatchWebhook(reviewboard, input).kind).toBe('unsupported');
  });

  it("checks Review Board's X-Hub-Signature (HMAC-SHA1)", () => {
    const rawBody = Buffer.from('{"event":"review_published"}');
    const good = `sha1=${createHmac('sha1', 'shh').update(rawBody).digest('hex')}`;
    const check = (signature: string) => () =>
      reviewboard.verify?.('shh', {
        rawBody,
        headers: { 'x-hub-signature': signature },
        query: {},
      });
    expect(check(good)).not.toThrow();
    expect(check(`sha1=${'0'.repeat(40)}`)).toThrow();
  });
});
