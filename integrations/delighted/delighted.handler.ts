import { defineIntegration, post } from '../core/define';

/** Net Promoter Score: 9 and 10 are promoters. */
const PROMOTER_SCORE = 9;

/**
 * Delighted's survey webhooks: `event_type` `survey_response.created` / `.updated`, the response
 * under `event_data`. Topic "Survey Response", as Zulip does.
 */
const response = post(
  () => 'Survey Response',
  'response',
  (e) => {
    const data = e.payload.obj('event_data');
    const score = data.num('score');
    return {
      promoter: score >= PROMOTER_SCORE,
      score: `Score of ${score}/10`,
      url: data.optStr('permalink'),
      email: data.str('person.email'),
      comment: data.optStr('comment'),
    };
  },
);

export const delightedIntegration = defineIntegration({
  name: 'delighted',
  displayName: 'Delighted',
  category: 'other',
  eventField: 'event_type',
  events: { 'survey_response.created': response, 'survey_response.updated': response },
});
