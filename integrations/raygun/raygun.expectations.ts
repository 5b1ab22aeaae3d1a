import { FixtureCase, sharedSuite } from '../core/testing';
import { raygunIntegration } from './raygun.handler';

/**
 * What the gateway posts for each captured payload in ../shared/fixtures/webhooks/raygun:
 * [fixture file, event name, message (null: recognised, nothing posted; or a refusal)].
 */
const SHARED_CASES: FixtureCase[] = [
  [
    'comment_added_to_error.json',
    'error_activity',
    {
      topic: 'test',
      body: 'Anita Peacock commented on [Error](https://app.raygun.com/error-url):\n\n~~~ quote\nIgnoring these errors\n~~~\n* **Timestamp**: 1970-01-28 01:49:36 UTC\n* **Application details**: [application name](http://app.raygun.io/application-url)',
    },
  ],
  [
    'error_assigned_to_user.json',
    'error_activity',
    {
      topic: 'test',
      body: 'Amy Loondon assigned [Error](https://app.raygun.com/error-url) to Kyle Kenny:\n* **Timestamp**: 1970-01-28 01:49:36 UTC\n* **Application details**: [application name](http://app.raygun.io/application-url)',
    },
  ],
  [
    'error_status_changed.json',
    'error_activity',
    {
      topic: 'test',
      body: '[Error](https://app.raygun.com/error-url) status changed to **Ignored** by Emma Cat:\n* **Timestamp**: 1970-01-28 01:49:36 UTC\n* **Application details**: [Best App](http://app.raygun.io/application-url)',
    },
  ],
  [
    'hourly_followup_error.json',
    'error_notification',
    {
      topic: 'test',
      body: 'Hourly [follow-up error](http://app.raygun.io/error-url):\n* **First occurred**: 1970-01-28 01:49:36 UTC\n* **Last occurred**: 1970-01-28 01:49:36 UTC\n* 1 users affected with 1 total occurrences\n* **Application details**: [application name](http://app.raygun.io/application-url)',
    },
  ],
  [
    'new_error.json',
    'error_notification',
    {
      topic: 'test',
      body: 'New [Error](http://app.raygun.io/error-url) occurred:\n* **First occurred**: 1970-01-28 01:49:36 UTC\n* **Last occurred**: 1970-01-28 01:49:36 UTC\n* 1 users affected with 1 total occurrences\n* **Tags**: test, error-page, v1.0.1, env:staging\n* **Affected user**: a9b7d8...33846\n* **pageName**: Error Page\n* **userLoggedIn**: true\n* **Application details**: [application name](http://app.raygun.io/application-url)',
    },
  ],
  [
    'one_minute_followup_error.json',
    'error_notification',
    {
      topic: 'test',
      body: 'One minute [follow-up error](http://app.raygun.io/error-url):\n* **First occurred**: 1970-01-28 01:49:36 UTC\n* **Last occurred**: 1970-01-28 01:49:36 UTC\n* 1 users affected with 1 total occurrences\n* **Application details**: [application name](http://app.raygun.io/application-url)',
    },
  ],
  [
    'reoccurred_error.json',
    'error_notification',
    {
      topic: 'test',
      body: '[Error](http://app.raygun.io/error-url) reoccurred:\n* **First occurred**: 1970-01-28 01:49:36 UTC\n* **Last occurred**: 1970-01-28 01:49:36 UTC\n* 1 users affected with 1 total occurrences\n* **Tags**: test, error-page, v1.0.1, env:staging\n* **Affected user**: a9b7d8...33846\n* **pageName**: Error Page\n* **userLoggedIn**: true\n* **Application details**: [application name](http://app.raygun.io/application-url)',
    },
  ],
];

export const SHARED_FIXTURES = sharedSuite(raygunIntegration, SHARED_CASES);
