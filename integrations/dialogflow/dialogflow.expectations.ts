import { FixtureCase, sharedSuite } from '../core/testing';
import { dialogflowIntegration } from './dialogflow.handler';

/** What each captured payload in ../shared/fixtures/webhooks/dialogflow posts. */
const SHARED_CASES: FixtureCase[] = [
  [
    'alternate_result.json',
    'query_result',
    {
      topic: 'weather-intent',
      body: 'Weather in New Delhi is nice!',
    },
  ],
  [
    'default.json',
    'query_result',
    {
      topic: 'weather-intent',
      body: 'The weather sure looks great !',
    },
  ],
  [
    'error_status.json',
    'query_result',
    {
      topic: 'Dialogflow',
      body: '403 - Access Denied',
    },
  ],
  [
    'exception.json',
    'query_result',
    {
      topic: 'weather-intent',
      body: "Dialogflow couldn't process your query.",
    },
  ],
  [
    'weather_app.json',
    'query_result',
    {
      topic: 'weather-intent',
      body: 'Today the weather in Delhi: Sunny, And the temperature is 65 F',
    },
  ],
];

export const SHARED_FIXTURES = sharedSuite(dialogflowIntegration, SHARED_CASES);
