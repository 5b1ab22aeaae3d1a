import { createHmac } from 'node:crypto';
import { dispatchWebhook } from '../core/dispatch';
import { describeFixtures, loadFixture, webhookInput } from '../core/testing';
import { SHARED_FIXTURES } from './pagerduty.expectations';
import { pagerdutyIntegration as pagerduty } from './pagerduty.handler';

describeFixtures('PagerDuty on the captured fixtures in ../shared', SHARED_FIXTURES);

describe('PagerDuty', () => {
  it('refuses a batch holding a message type it does not know, though the first is known', () => {
    const payload = loadFixture(SHARED_FIXTURES.dir, 'acknowledge.json') as {
      messages: Array<{ type: string }>;
    };
    payload.messages[1].type = 'incident.annotate';
    expect(dispatchWebhook(pagerduty, webhookInput(payload))).toEqual({
      kind: 'unsupported',
      event: 'incident.annotate',
    });
  });

  it('knows V1-only types (escalate) only in V1 messages', () => {
    const v2 = loadFixture(SHARED_FIXTURES.dir, 'trigger_v2.json') as {
      messages: Array<{ event: string }>;
    };
    v2.messages[0].event = 'incident.escalate';
    expect(dispatchWebhook(pagerduty, webhookInput(v2)).kind).toBe('unsupported');
    const v1 = loadFixture(SHARED_FIXTURES.dir, 'trigger.json') as {
      messages: Array<{ type: string }>;
    };
    v1.messages[0].type = 'incident.escalate';
    const outcome = dispatchWebhook(pagerduty, webhookInput(v1));
    expect(outcome.kind === 'message' && outcome.message.body).toBe(
      'Incident [3](https://zulip-test.pagerduty.com/incidents/P140S4Y) escalated by [armooo](https://zulip-test.pagerduty.com/users/POBCFRJ).\n\n~~~ quote\nfoo\n~~~',
    );
  });

  it('checks X-PagerDuty-Signature, any of the listed v1= signatures', () => {
    const rawBody = Buffer.from('{"event":{}}');
    const sign = (secret: string) =>
      `v1=${createHmac('sha256', secret).update(rawBody).digest('hex')}`;
    const check = (value: string) => () =>
      pagerduty.verify?.('shh', {
        rawBody,
        headers: { 'x-pagerduty-signature': value },
        query: {},
      });
    expect(check(`${sign('old')},${sign('shh')}`)).not.toThrow();
    expect(check(sign('old'))).toThrow();
  });
});
