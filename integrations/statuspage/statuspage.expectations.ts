import { FixtureCase, sharedSuite } from '../core/testing';
import { statuspageIntegration } from './statuspage.handler';

/**
 * What the gateway posts for each captured payload in ../shared/fixtures/webhooks/statuspage:
 * [fixture file, event name, message (null: recognised, nothing posted; or a refusal)].
 */
const SHARED_CASES: FixtureCase[] = [
  [
    'component_status_update.json',
    'component',
    {
      topic: 'Database component: Service Under Maintenance',
      body: '**Database component** has changed status from **operational** to **under_maintenance**.',
    },
  ],
  [
    'incident_created.json',
    'incident',
    {
      topic: 'Database query delays: All Systems Operational',
      body: "**[Database query delays](http://stspg.io/646947c1e)**:\n* State: **identified**\n* Description: We just encountered that database queries are timing out resulting in inconvenience to our end users...we'll do quick fix latest by tomorrow !!!",
    },
  ],
  [
    'incident_update.json',
    'incident',
    {
      topic: 'Database query delays: All Systems Operational',
      body: '**[Database query delays](http://stspg.io/646947c1e)**:\n* State: **resolved**\n* Description: The database issue is resolved.',
    },
  ],
];

export const SHARED_FIXTURES = sharedSuite(statuspageIntegration, SHARED_CASES);
