import { FixtureCase, sharedSuite } from '../core/testing';
import { grafanaIntegration } from './grafana.handler';

/**
 * What the gateway posts for each captured payload in ../shared/fixtures/webhooks/grafana:
 * [fixture file, event name, message (null: recognised, nothing posted; or a refusal)].
 */
const SHARED_CASES: FixtureCase[] = [
  [
    'alert.json',
    'alerting',
    {
      topic: '[Alerting] Test notification',
      body: ':alert: **ALERTING**\n\n[Test rule](http://localhost:3000/)\n\nSomeone is testing the alert notification within grafana.\n\n**High value:** 100\n**Higher Value:** 200\n\n[Click to view visualization](https://grafana.com/assets/img/blog/mixed_styles.png)',
    },
  ],
  [
    'alert_ok.json',
    'ok',
    {
      topic: '[Ok] Test notification',
      body: ':squared_ok: **OK**\n\n[Test rule](http://localhost:3000/)\n\nSomeone is testing the alert notification within grafana.\n\n**High value:** 0\n\n[Click to view visualization](https://grafana.com/assets/img/blog/mixed_styles.png)',
    },
  ],
  [
    'alert_paused.json',
    'paused',
    {
      topic: '[Paused] Test notification',
      body: ':info: **PAUSED**\n\n[Test rule](http://localhost:3000/)\n\nSomeone is testing the alert notification within grafana.\n\n[Click to view visualization](https://grafana.com/assets/img/blog/mixed_styles.png)',
    },
  ],
  [
    'alert_pending.json',
    'pending',
    {
      topic: '[Pending] Test notification',
      body: ':info: **PENDING**\n\n[Test rule](http://localhost:3000/)\n\nSomeone is testing the alert notification within grafana.\n\n**High value:** 100\n**Higher Value:** 200\n\n[Click to view visualization](https://grafana.com/assets/img/blog/mixed_styles.png)',
    },
  ],
  [
    'no_data_alert.json',
    'alerting',
    {
      topic: '[Alerting] No Data alert',
      body: ':alert: **ALERTING**\n\n[No Data alert](http://localhost:3000/d/GG2qhR3Wz/alerttest?fullscreen&edit&tab=alert&panelId=6&orgId=1)\n\nThe panel has no data.',
    },
  ],
  [
    'no_message_alert.json',
    'alerting',
    {
      topic: '[Alerting] No Message alert',
      body: ':alert: **ALERTING**\n\n[No Message alert](http://localhost:3000/d/GG2qhR3Wz/alerttest?fullscreen&edit&tab=alert&panelId=8&orgId=1)\n\n**A-series:** 21.573108436586445',
    },
  ],
];

export const SHARED_FIXTURES = sharedSuite(grafanaIntegration, SHARED_CASES);
