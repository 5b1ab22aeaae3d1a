import { dispatchWebhook } from '../core/dispatch';
import { describeFixtures, webhookInput } from '../core/testing';
import { SHARED_FIXTURES } from './rhodecode.expectations';
import { rhodecodeIntegration as rhodecode } from './rhodecode.handler';

describeFixtures('RhodeCode on the captured fixtures in ../shared', SHARED_FIXTURES);

describe('RhodeCode', () => {
  it('reports events other than pushes as unsupported', () => {
    const input = webhookInput({ event: { name: 'pullrequest-create' } });
    expect(dispatchWebhook(rhodecode, input)).toEqual({
      kind: 'unsupported',
      event: 'pullrequest-create',
    });
  });

  it("checks the webhook's secret token, which RhodeCode puts in the payload", () => {
    const check = (token: string) => () =>
      rhodecode.verify?.('shh', {
        rawBody: Buffer.from(JSON.stringify({ token, event: {} })),
        headers: {},
        query: {},
      });
    expect(check('shh')).not.toThrow();
    expect(check('guess')).toThrow('Webhook signature mismatch');
    expect(check('')).toThrow('Missing token in the payload');
  });
});
