import { dispatchWebhook } from '../core/dispatch';
import { AnomalousPayloadError } from '../core/payload';
import { deliverWith, describeFixtures, webhookInput } from '../core/testing';
import { SHARED_FIXTURES } from './gci.expectations';
import { gciIntegration as gci } from './gci.handler';

describeFixtures('Google Code-in on the captured fixtures in ../shared', SHARED_FIXTURES);

const task = {
  task_claimed_by: 'student-1',
  author: 'mentor',
  task_definition_name: 'Fix the docs',
  task_instance: 42,
};

describe('Google Code-in', () => {
  it('counts extension days in words', () => {
    const input = webhookInput({ ...task, event_type: 'extend', extension_days: 3 });
    expect(deliverWith(gci)(input).message?.body).toBe(
      '**mentor** extended the deadline for the task [Fix the docs](https://codein.withgoogle.com/dashboard/task-instances/42/) by 3 days.',
    );
  });

  it('answers other event types as unsupported', () => {
    expect(dispatchWebhook(gci, webhookInput({ ...task, event_type: 'publish' }))).toEqual({
      kind: 'unsupported',
      event: 'publish',
    });
  });

  it('refuses a task without its instance as anomalous', () => {
    const input = webhookInput({ ...task, task_instance: 'x', event_type: 'claim' });
    expect(() => deliverWith(gci)(input)).toThrow(AnomalousPayloadError);
  });
});
