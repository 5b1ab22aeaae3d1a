import { FixtureCase, sharedSuite } from '../core/testing';
import { newrelicIntegration } from './newrelic.handler';

/**
 * What the gateway posts for each captured payload in ../shared/fixtures/webhooks/newrelic:
 * [fixture file, event name, message (null: recognised, nothing posted; or a refusal)].
 */
const SHARED_CASES: FixtureCase[] = [
  [
    'incident_acknowledged_new.json',
    'acknowledged',
    {
      topic: 'Test policy name (1234)',
      body: '[Incident](https://alerts.newrelic.com/accounts/2941966/incidents/1234) **acknowledged** by **Alice** for condition: **Server Down**',
    },
  ],
  [
    'incident_acknowledged_old.json',
    'acknowledged',
    {
      topic: 'Test policy name (1234)',
      body: '[Incident](https://alerts.newrelic.com/accounts/2941966/incidents/1234) **acknowledged** by **Alice** for condition: **Server Down**',
    },
  ],
  [
    'incident_active_new.json',
    'activated',
    {
      topic: 'Test policy name (1234)',
      body: '[Incident](https://alerts.newrelic.com/accounts/2941966/incidents/1234) **active** for condition: **Server Down** at 2020-11-11 22:32:11 UTC\n~~~ quote\nViolation description test.\n~~~',
    },
  ],
  [
    'incident_closed_new.json',
    'closed',
    {
      topic: 'Test policy name (1234)',
      body: '[Incident](https://alerts.newrelic.com/accounts/2941966/incidents/1234) **closed** for condition: **Server Down**',
    },
  ],
  [
    'incident_closed_old.json',
    'closed',
    {
      topic: 'Test policy name (1234)',
      body: '[Incident](https://alerts.newrelic.com/accounts/2941966/incidents/1234) **closed** for condition: **Server Down**',
    },
  ],
  [
    'incident_created_new.json',
    'created',
    {
      topic: 'Test policy name (1234)',
      body: '[Incident](https://alerts.newrelic.com/accounts/2941966/incidents/1234) **created** for condition: **Server Down**',
    },
  ],
  [
    'incident_default_fields_new.json',
    'activated',
    {
      topic: 'Unknown Policy (1234)',
      body: '[Incident](https://alerts.newrelic.com) **active** for condition: **Unknown condition** at 2020-11-11 22:32:11 UTC\n~~~ quote\nNo details.\n~~~',
    },
  ],
  [
    'incident_default_fields_old.json',
    'open',
    {
      topic: 'Unknown Policy (Unknown ID)',
      body: '[Incident](https://alerts.newrelic.com) **opened** for condition: **Unknown condition** at 2020-11-11 22:32:11 UTC\n~~~ quote\nNo details.\n~~~',
    },
  ],
  // 400: expected a time in epoch milliseconds at "createdAt"
  ['incident_malformatted_time_new.json', 'acknowledged', 'anomalous'],
  // 400: expected a time in epoch milliseconds at "timestamp"
  ['incident_malformatted_time_old.json', 'open', 'anomalous'],
  // 400: expected a string at "current_state"
  ['incident_missing_current_state_old.json', '', 'anomalous'],
  // 400: expected a string at "state"
  ['incident_missing_state_new.json', '', 'anomalous'],
  // 400: expected a time in epoch milliseconds at "createdAt"
  ['incident_missing_timestamp_new.json', 'acknowledged', 'anomalous'],
  // 400: expected a time in epoch milliseconds at "timestamp"
  ['incident_missing_timestamp_old.json', 'open', 'anomalous'],
  [
    'incident_opened_old.json',
    'open',
    {
      topic: 'Test policy name (1234)',
      body: '[Incident](https://alerts.newrelic.com/accounts/2941966/incidents/1234) **opened** for condition: **Server Down** at 2020-11-11 22:32:11 UTC\n~~~ quote\nViolation description test.\n~~~',
    },
  ],
  ['incident_state_not_recognized_new.json', 'hello world', 'unsupported'],
  ['incident_state_not_recognized_old.json', 'hello world', 'unsupported'],
  // 400: expected a time in epoch milliseconds at "createdAt"
  ['incident_time_too_large_new.json', 'open', 'anomalous'],
  // 400: expected a time in epoch milliseconds at "timestamp"
  ['incident_time_too_large_old.json', 'open', 'anomalous'],
];

export const SHARED_FIXTURES = sharedSuite(newrelicIntegration, SHARED_CASES);
