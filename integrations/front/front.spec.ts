import { createHmac } from 'node:crypto';
import { dispatchWebhook } from '../core/dispatch';
import { AnomalousPayloadError } from '../core/payload';
import { deliverWith, describeFixtures, webhookInput } from '../core/testing';
import { SHARED_FIXTURES } from './front.expectations';
import { frontIntegration as front } from './front.handler';

describeFixtures('Front on the captured fixtures in ../shared', SHARED_FIXTURES);

describe('Front', () => {
  it('answers other event types as unsupported', () => {
    const input = webhookInput({ type: 'sending_error', conversation: { id: 'cnv_1' } });
    expect(dispatchWebhook(front, input)).toEqual({ kind: 'unsupported', event: 'sending_error' });
  });

  it('refuses an event without its conversation as anomalous', () => {
    const input = webhookInput({
      type: 'archive',
      source: { data: { first_name: 'Ada', last_name: 'L' } },
    });
    expect(() => deliverWith(front)(input)).toThrow(AnomalousPayloadError);
  });

  it("checks Front's X-Front-Signature (base64 HMAC-SHA1 of the body)", () => {
    const rawBody = Buffer.from('{"type":"archive"}');
    const signature = createHmac('sha1', 'shh').update(rawBody).digest('base64');
    const check = (headers: Record<string, string>) => () =>
      front.verify!('shh', { rawBody, headers, query: {} });
    expect(check({ 'x-front-signature': signature })).not.toThrow();
    expect(check({ 'x-front-signature': 'AAAA' })).toThrow();
  });
});
