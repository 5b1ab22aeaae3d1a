import { FixtureCase, sharedSuite } from '../core/testing';
import { pagerdutyIntegration } from './pagerduty.handler';

/**
 * What the gateway posts for each captured payload in ../shared/fixtures/webhooks/pagerduty:
 * [fixture file, event name, message (null: recognised, nothing posted; or a refusal)].
 */
const SHARED_CASES: FixtureCase[] = [
  [
    'acknowledge.json',
    'assigned',
    {
      topic: 'Incident 1',
      body: 'Incident [1](https://zulip-test.pagerduty.com/incidents/PO1XIJ5) assigned to [armooo](https://zulip-test.pagerduty.com/users/POBCFRJ).\n\n~~~ quote\nIt is on fire\n~~~\n\nIncident [1](https://zulip-test.pagerduty.com/incidents/PO1XIJ5) acknowledged by [armooo](https://zulip-test.pagerduty.com/users/POBCFRJ).\n\n~~~ quote\nIt is on fire\n~~~',
    },
  ],
  [
    'acknowledge_v2.json',
    'acknowledged',
    {
      topic: 'Incident 33',
      body: 'Incident [33](https://webdemo.pagerduty.com/incidents/PRORDTY) acknowledged by [Laura Haley](https://webdemo.pagerduty.com/users/P553OPV).\n\n~~~ quote\nMy new incident\n~~~',
    },
  ],
  [
    'acknowledge_without_trigger_summary_data.json',
    'assigned',
    {
      topic: 'Incident 1',
      body: 'Incident [1](https://zulip-test.pagerduty.com/incidents/PO1XIJ5) assigned to [armooo](https://zulip-test.pagerduty.com/users/POBCFRJ).\n\nIncident [1](https://zulip-test.pagerduty.com/incidents/PO1XIJ5) acknowledged by [armooo](https://zulip-test.pagerduty.com/users/POBCFRJ).',
    },
  ],
  [
    'acknowledged_v3.json',
    'acknowledged',
    {
      topic: 'Incident Test Incident (#10)',
      body: 'Incident [Test Incident (#10)](https://pig208.pagerduty.com/incidents/PQ1K5C8) acknowledged by [PIG 208](https://pig208.pagerduty.com/users/PJ0LVEB).',
    },
  ],
  [
    'assign_v2.json',
    'assigned',
    {
      topic: 'Incident 33',
      body: 'Incident [33](https://webdemo.pagerduty.com/incidents/PRORDTY) assigned to [Wiley Jacobson](https://webdemo.pagerduty.com/users/PFBSJ2Z).\n\n~~~ quote\nMy new incident\n~~~',
    },
  ],
  [
    'auto_resolved.json',
    'resolved',
    {
      topic: 'Incident 2',
      body: 'Incident [2](https://zulip-test.pagerduty.com/incidents/PX7K9J2) resolved.\n\n~~~ quote\nnew\n~~~',
    },
  ],
  [
    'mp_fail.json',
    'resolved',
    {
      topic: 'Incident 48219',
      body: 'Incident [48219](https://dropbox.pagerduty.com/incidents/PJKGZF9) resolved.\n\n~~~ quote\nmp_error_block_down_criticalℙƴ\n~~~',
    },
  ],
  [
    'reassigned_v3.json',
    'reassigned',
    {
      topic: 'Incident Test Incident (#3)',
      body: 'Incident [Test Incident (#3)](https://pig208.pagerduty.com/incidents/PIQUG8X) reassigned to [Test User](https://pig208.pagerduty.com/users/PI9DT01).',
    },
  ],
  [
    'resolve_v2.json',
    'resolved',
    {
      topic: 'Incident 33',
      body: 'Incident [33](https://webdemo.pagerduty.com/incidents/PRORDTY) resolved by [Laura Haley](https://webdemo.pagerduty.com/users/P553OPV).\n\n~~~ quote\nMy new incident\n~~~',
    },
  ],
  [
    'resolved.json',
    'resolved',
    {
      topic: 'Incident 1',
      body: 'Incident [1](https://zulip-test.pagerduty.com/incidents/PO1XIJ5) resolved by [armooo](https://zulip-test.pagerduty.com/users/POBCFRJ).\n\n~~~ quote\nIt is on fire\n~~~',
    },
  ],
  [
    'resolved_v3.json',
    'resolved',
    {
      topic: 'Incident Test Incident (#6)',
      body: 'Incident [Test Incident (#6)](https://pig208.pagerduty.com/incidents/PCPZE64) resolved by [PIG 208](https://pig208.pagerduty.com/users/PJ0LVEB).',
    },
  ],
  [
    'trigger.json',
    'triggered',
    {
      topic: 'Incident 3',
      body: 'Incident [3](https://zulip-test.pagerduty.com/incidents/P140S4Y) triggered by [Test service](https://zulip-test.pagerduty.com/services/PIL5CUQ) (assigned to [armooo](https://zulip-test.pagerduty.com/users/POBCFRJ)).\n\n~~~ quote\nfoo\n~~~',
    },
  ],
  [
    'trigger_v2.json',
    'triggered',
    {
      topic: 'Incident 33',
      body: 'Incident [33](https://webdemo.pagerduty.com/incidents/PRORDTY) triggered by [Production XDB Cluster](https://webdemo.pagerduty.com/services/PN49J75) (assigned to [Laura Haley](https://webdemo.pagerduty.com/users/P553OPV)).\n\n~~~ quote\nMy new incident\n~~~',
    },
  ],
  [
    'trigger_without_assignee_v2.json',
    'triggered',
    {
      topic: 'Incident 33',
      body: 'Incident [33](https://webdemo.pagerduty.com/incidents/PRORDTY) triggered by [Production XDB Cluster](https://webdemo.pagerduty.com/services/PN49J75) (assigned to nobody).\n\n~~~ quote\nMy new incident\n~~~',
    },
  ],
  [
    'triggered_v3.json',
    'triggered',
    {
      topic: 'Incident Test Incident 3 (#9)',
      body: 'Incident [Test Incident 3 (#9)](https://pig208.pagerduty.com/incidents/PFQZPSY) triggered by [pig208](https://pig208.pagerduty.com/services/PA2P440) (assigned to [PIG 208](https://pig208.pagerduty.com/users/PJ0LVEB)).',
    },
  ],
  [
    'unacknowledge.json',
    'unacknowledged',
    {
      topic: 'Incident 3',
      body: 'Incident [3](https://zulip-test.pagerduty.com/incidents/P140S4Y) unacknowledged by [Test service](https://zulip-test.pagerduty.com/services/PIL5CUQ) (assigned to [armooo](https://zulip-test.pagerduty.com/users/POBCFRJ)).\n\n~~~ quote\nfoo\n~~~',
    },
  ],
  [
    'unacknowledged_v3.json',
    'unacknowledged',
    {
      topic: 'Incident Test Incident (#10)',
      body: 'Incident [Test Incident (#10)](https://pig208.pagerduty.com/incidents/PQ1K5C8) unacknowledged by [pig208](https://pig208.pagerduty.com/services/PA2P440) (assigned to [PIG 208](https://pig208.pagerduty.com/users/PJ0LVEB)).',
    },
  ],
  ['unsupported_v1.json', 'incident.unsupported', 'unsupported'],
  ['unsupported_v2.json', 'incident.unsupported', 'unsupported'],
  ['unsupported_v3.json', 'incident.unsupported', 'unsupported'],
];

export const SHARED_FIXTURES = sharedSuite(pagerdutyIntegration, SHARED_CASES);
