import { dispatchWebhook } from '../core/dispatch';
import { describeFixtures, loadFixture, webhookInput } from '../core/testing';
import { SHARED_FIXTURES } from './raygun.expectations';
import { raygunIntegration as raygun } from './raygun.handler';

describeFixtures('Raygun on the captured fixtures in ../shared', SHARED_FIXTURES);

describe('Raygun', () => {
  it('reports an activity it does not know as unsupported, by its eventType', () => {
    const payload = {
      ...(loadFixture(SHARED_FIXTURES.dir, 'error_status_changed.json') as object),
      eventType: 'ErrorMerged',
    };
    expect(dispatchWebhook(raygun, webhookInput(payload))).toEqual({
      kind: 'unsupported',
      event: 'ErrorMerged',
    });
  });

  it('words a five-minute follow-up', () => {
    const payload = {
      ...(loadFixture(SHARED_FIXTURES.dir, 'one_minute_followup_error.json') as object),
      eventType: 'FiveMinuteFollowUp',
    };
    const outcome = dispatchWebhook(raygun, webhookInput(payload));
    expect(outcome.kind === 'message' && outcome.message.body).toMatch(
      /^Five minute \[follow-up error\]/,
    );
  });
});
