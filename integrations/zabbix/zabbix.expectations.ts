import { FixtureCase, sharedSuite } from '../core/testing';
import { zabbixIntegration } from './zabbix.handler';

/**
 * What the gateway posts for each captured payload in ../shared/fixtures/webhooks/zabbix:
 * [fixture file, event name, message (null: recognised, nothing posted; or a refusal)].
 */
const SHARED_CASES: FixtureCase[] = [
  [
    'zabbix_alert.json',
    'alert',
    {
      topic: 'www.example.com',
      body: 'PROBLEM (Average) alert on [www.example.com](https://zabbix.example.com/tr_events.php?triggerid=14032&eventid=10528):\n* Zabbix agent on www.example.com is unreachable for 5 minutes\n* Agent ping is Up (1)',
    },
  ],
  // 400: expected a string at "hostname"
  ['zabbix_invalid_payload_with_missing_data.json', 'alert', 'anomalous'],
];

export const SHARED_FIXTURES = sharedSuite(zabbixIntegration, SHARED_CASES);
