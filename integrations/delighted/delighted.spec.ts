import { dispatchWebhook } from '../core/dispatch';
import { describeFixtures, itAppliesEventFilters, webhookInput } from '../core/testing';
import { delightedIntegration } from './delighted.handler';
import { SHARED_FIXTURES } from './delighted.expectations';

describeFixtures('Delighted on the captured fixtures in ../shared', SHARED_FIXTURES);

describe('Delighted', () => {
  itAppliesEventFilters(SHARED_FIXTURES, 'survey_response_updated_non_promoter.json');
});

describe('Delighted events', () => {
  it('answers survey events other than responses as unsupported', () => {
    const input = webhookInput({ event_type: 'unsubscribe.created', event_data: {} });
    expect(dispatchWebhook(delightedIntegration, input)).toEqual({
      kind: 'unsupported',
      event: 'unsubscribe.created',
    });
  });
});
