import { FixtureCase, sharedSuite } from '../core/testing';
import { alertmanagerIntegration } from './alertmanager.handler';

/**
 * What the gateway posts for each captured payload in ../shared/fixtures/webhooks/alertmanager:
 * [fixture file, event name, message (null: recognised, nothing posted; or a refusal)].
 */
const SHARED_CASES: FixtureCase[] = [
  [
    'alert.json',
    'firing',
    {
      topic: '(unknown)',
      body: ':alert: **FIRING**\n* High CPU Temperature ([graph](http://cobalt:9090/graph?g0.expr=avg+by%28host%29+%28sensors_temp_input%7Bfeature%3D~%22core_%5B0-9%5D%2B%22%7D%29+%3E+15&g0.tab=0))\n* High CPU Temperature ([graph](http://cobalt:9090/graph?g0.expr=avg+by%28host%29+%28sensors_temp_input%7Bfeature%3D~%22core_%5B0-9%5D%2B%22%7D%29+%3E+15&g0.tab=0))',
    },
  ],
  [
    'single_alert.json',
    'resolved',
    {
      topic: '(unknown)',
      body: ':squared_ok: **Resolved** High CPU Temperature ([graph](http://cobalt:9090/graph?g0.expr=avg+by%28host%29+%28sensors_temp_input%7Bfeature%3D~%22core_%5B0-9%5D%2B%22%7D%29+%3E+15&g0.tab=0))',
    },
  ],
];

export const SHARED_FIXTURES = sharedSuite(alertmanagerIntegration, SHARED_CASES);
