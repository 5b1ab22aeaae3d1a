import { dispatchWebhook } from '../core/dispatch';
import { describeFixtures, loadFixture, webhookInput } from '../core/testing';
import { SHARED_FIXTURES } from './newrelic.expectations';
import { newrelicIntegration as newrelic } from './newrelic.handler';

describeFixtures('New Relic on the captured fixtures in ../shared', SHARED_FIXTURES);

describe('New Relic', () => {
  it('reads upper-case workflow states and times given as numeric strings', () => {
    const payload = {
      ...(loadFixture(SHARED_FIXTURES.dir, 'incident_active_new.json') as object),
      state: 'ACTIVATED',
      createdAt: '1605133931151',
    };
    expect(dispatchWebhook(newrelic, webhookInput(payload))).toMatchObject({
      kind: 'message',
      event: 'activated',
      message: { topic: 'Test policy name (1234)' },
    });
  });

  it('joins several policy names in the topic', () => {
    const payload = {
      ...(loadFixture(SHARED_FIXTURES.dir, 'incident_closed_new.json') as object),
      alertPolicyNames: ['Web', 'Database'],
    };
    const outcome = dispatchWebhook(newrelic, webhookInput(payload));
    expect(outcome.kind === 'message' && outcome.message.topic).toBe('Web,Database (1234)');
  });
});
