import { dispatchWebhook } from '../core/dispatch';
import { describeFixtures, itAppliesEventFilters, webhookInput } from '../core/testing';
import { opencollectiveIntegration } from './opencollective.handler';
import { SHARED_FIXTURES } from './opencollective.expectations';

describeFixtures('Open Collective on the captured fixtures in ../shared', SHARED_FIXTURES);

describe('Open Collective', () => {
  itAppliesEventFilters(SHARED_FIXTURES, 'one_time_donation.json');
});

describe('Open Collective activities', () => {
  it('answers activities other than new members as unsupported', () => {
    const input = webhookInput({ type: 'collective.expense.created', data: {} });
    expect(dispatchWebhook(opencollectiveIntegration, input)).toEqual({
      kind: 'unsupported',
      event: 'collective.expense.created',
    });
  });
});
