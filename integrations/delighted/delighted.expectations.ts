import { FixtureCase, sharedSuite } from '../core/testing';
import { delightedIntegration } from './delighted.handler';

/** What each captured payload in ../shared/fixtures/webhooks/delighted posts. */
const SHARED_CASES: FixtureCase[] = [
  [
    'survey_response_updated_non_promoter.json',
    'survey_response.updated',
    {
      topic: 'Survey Response',
      body: 'Great! You have new feedback. [Score of 5/10](https://delighted.com/r/5pFDpmlyC8GUc5oxU6USto5VonSKAqOa) from paul_gravis@example.com:\n\n~~~ quote\nYour service is slow, but nearly flawless! Keep up the good work!\n~~~',
    },
  ],
  [
    'survey_response_updated_promoter.json',
    'survey_response.updated',
    {
      topic: 'Survey Response',
      body: 'Kudos! You have a new promoter. [Score of 9/10](https://delighted.com/r/5pFDpmlyC8GUc5oxU6USto5VonSKAqOa) from charlie_gravis@example.com:\n\n~~~ quote\nYour service is fast and flawless!\n~~~',
    },
  ],
];

export const SHARED_FIXTURES = sharedSuite(delightedIntegration, SHARED_CASES);
