import { dispatchWebhook } from '../core/dispatch';
import { describeFixtures, webhookInput } from '../core/testing';
import { SHARED_FIXTURES } from './netlify.expectations';
import { netlifyIntegration as netlify } from './netlify.handler';

describeFixtures('Netlify on the captured fixtures in ../shared', SHARED_FIXTURES);

describe('Netlify', () => {
  it('reports other deploy events as unsupported', () => {
    const input = webhookInput({}, {}, { 'X-Netlify-Event': 'deploy_request_pending' });
    expect(dispatchWebhook(netlify, input).kind).toBe('unsupported');
  });

  it("checks Netlify's JWS signature when a secret is configured", () => {
    const check = () =>
      netlify.verify?.('shh', { rawBody: Buffer.from('{}'), headers: {}, query: {} });
    expect(check).toThrow('Missing X-Webhook-Signature header');
  });
});
