import { ANOMALOUS, FixtureCase, MALFORMED, sharedSuite } from '../core/testing';
import { libratoIntegration } from './librato.handler';

/** What each captured payload in ../shared/fixtures/webhooks/librato posts. */
const SHARED_CASES: FixtureCase[] = [
  [
    'alert.json',
    'alert',
    {
      topic: 'Alert alert.name',
      body: 'Alert [alert.name](https://metrics.librato.com/alerts#/6294535) has triggered! [Reaction steps](http://www.google.pl):\n* Metric `librato.cpu.percent.idle`, sum was below 44 by 300s, recorded at <time:2016-03-31T09:11:42Z>.\n* Metric `librato.swap.swap.cached`, average was absent by 300s, recorded at <time:2016-03-31T09:11:42Z>.\n* Metric `librato.swap.swap.cached`, derivative was above 9 by 300s, recorded at <time:2016-03-31T09:11:42Z>.',
    },
  ],
  [
    'alert_cleared.json',
    'alert_cleared',
    {
      topic: 'Alert Alert_name',
      body: 'Alert [Alert_name](https://metrics.librato.com/alerts#/6309313) has cleared at <time:2016-04-12T13:11:44Z>!',
    },
  ],
  ['bad.json', '', MALFORMED],
  ['bad_msg_type.json', 'alert', ANOMALOUS],
  [
    'snapshot.json',
    'snapshot',
    {
      topic: 'Snapshots',
      body: '**Hamlet** sent a [snapshot](http://snapshots.librato.com/chart/nr5l3n0c-82162.png) of [metric](https://metrics.librato.com/s/spaces/167315/explore/1731491?duration=72039&end_time=1460569409).',
    },
  ],
  [
    'three_conditions_alert.json',
    'alert',
    {
      topic: 'Alert ToHighTemeprature',
      body: 'Alert [ToHighTemeprature](https://metrics.librato.com/alerts#/6294535) has triggered! [Reaction steps](http://www.use.water.pl):\n* Metric `collectd.interface.eth0.if_octets.tx`, absolute_value was above 4 by 300s, recorded at <time:2016-04-11T20:40:14Z>.\n* Metric `collectd.load.load.longterm`, max was above 99, recorded at <time:2016-04-11T20:40:14Z>.\n* Metric `librato.swap.swap.cached`, average was absent by 60s, recorded at <time:2016-04-11T20:40:14Z>.',
    },
  ],
];

export const SHARED_FIXTURES = sharedSuite(libratoIntegration, SHARED_CASES);
