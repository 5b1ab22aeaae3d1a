import { createHmac } from 'node:crypto';
import { dispatchWebhook } from '../core/dispatch';
import { describeFixtures, loadFixture, webhookInput } from '../core/testing';
import { SHARED_FIXTURES } from './sentry.expectations';
import { sentryIntegration as sentry } from './sentry.handler';

describeFixtures('Sentry on the captured fixtures in ../shared', SHARED_FIXTURES);

describe('Sentry', () => {
  const fixture = (file: string) =>
    loadFixture(SHARED_FIXTURES.dir, file) as Record<string, unknown>;

  it('reports resources other than alerts and issues as unsupported', () => {
    const input = webhookInput(
      { action: 'created', data: { installation: {} } },
      {},
      {
        'Sentry-Hook-Resource': 'installation',
      },
    );
    expect(dispatchWebhook(sentry, input)).toEqual({ kind: 'unsupported', event: 'installation' });
  });

  it('refuses events from the deprecated Raven SDK', () => {
    const payload = fixture('event_for_message_python.json') as {
      data: { event: Record<string, unknown> };
    };
    payload.data.event.version = '6';
    expect(dispatchWebhook(sentry, webhookInput(payload))).toEqual({
      kind: 'unsupported',
      event: 'raven_sdk',
    });
  });

  it('links the issue when Sentry gives its page', () => {
    const payload = fixture('issue_resolved.json') as { data: { issue: Record<string, unknown> } };
    payload.data.issue.web_url = 'https://sentry.io/organizations/acme/issues/42/';
    const outcome = dispatchWebhook(sentry, webhookInput(payload));
    expect(outcome.kind === 'message' && outcome.message.body).toBe(
      'Issue **[Exception: program has entered an invalid state.](https://sentry.io/organizations/acme/issues/42/)** was marked as resolved by **Hemanth V. Alluri**.',
    );
  });

  it("checks an internal integration's Sentry-Hook-Signature", () => {
    const rawBody = Buffer.from('{"action":"created"}');
    const digest = createHmac('sha256', 'shh').update(rawBody).digest('hex');
    const check = (headers: Record<string, string>) => () =>
      sentry.verify?.('shh', { rawBody, headers, query: {} });
    expect(check({ 'sentry-hook-signature': digest })).not.toThrow();
    expect(check({ 'sentry-hook-signature': '0'.repeat(64) })).toThrow();
    // The legacy WebHooks plugin signs nothing: the operator's X-Webhook-Token header instead.
    expect(check({ 'x-webhook-token': 'shh' })).not.toThrow();
  });
});
