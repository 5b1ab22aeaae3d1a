import { dispatchWebhook } from '../core/dispatch';
import {
  deliverFixture,
  describeFixtures,
  loadFixture,
  ownSuite,
  webhookInput,
} from '../core/testing';
import { SHARED_FIXTURES } from './grafana.expectations';
import { grafanaIntegration as grafana } from './grafana.handler';

describeFixtures(
  'Grafana 7 (legacy alerting) on the captured fixtures in ../shared',
  SHARED_FIXTURES,
);

describe('Grafana', () => {
  const own = ownSuite(grafana, []);

  it('posts unified alerting (Grafana 8+) alerts of one group as one message', () => {
    expect(deliverFixture(own, 'alerts_firing_and_resolved.json')).toEqual({
      event: 'firing',
      message: {
        topic: '[High CPU]',
        body: ":alert: **FIRING**\n\n**High CPU**\n\nThis alert was fired at 2026-11-30 10:15:00 UTC.\n\nLabels:\n- alertname: High CPU\n- grafana_folder: Servers\n- instance: web-1\n\nValues:\n- A: 93.5\n\nAnnotations:\n- summary: CPU above 90% for 5 minutes\n\n[Generator](https://grafana.example.org/alerting/grafana/cpu/view) · [Silence](https://grafana.example.org/alerting/silence/new?matcher=alertname%3DHigh+CPU) · [Dashboard](https://grafana.example.org/d/servers) · [Panel](https://grafana.example.org/d/servers?viewPanel=2)\n\n:checkbox: **RESOLVED**\n\n**High CPU**\n\nThis alert was fired at 2026-11-30 09:00:00 UTC. This alert was resolved at 2026-11-30 09:30:00 UTC.\n\nLabels:\n- alertname: High CPU\n- instance: web-2\n\nValues:\n[ var='A' labels={instance=web-2} value=41 ]",
      },
    });
  });

  it('names an alert without alertname by its fingerprint', () => {
    const payload = loadFixture(own.dir, 'alerts_firing_and_resolved.json') as {
      alerts: Array<{ labels: Record<string, string> }>;
    };
    delete payload.alerts[0].labels.alertname;
    const outcome = dispatchWebhook(grafana, webhookInput(payload));
    expect(outcome.kind === 'message' && outcome.message.topic).toBe('[3f1b0c2a9d8e7f60]');
  });

  it('reports a state it does not know as unsupported', () => {
    const payload = { ...(loadFixture(SHARED_FIXTURES.dir, 'alert.json') as object), state: 'odd' };
    expect(dispatchWebhook(grafana, webhookInput(payload)).kind).toBe('unsupported');
  });

  it("checks the contact point's Authorization header", () => {
    const check = (headers: Record<string, string>) => () =>
      grafana.verify?.('shh', { rawBody: Buffer.from('{}'), headers, query: {} });
    expect(check({ authorization: 'Bearer shh' })).not.toThrow();
    expect(check({ authorization: 'Bearer nope' })).toThrow();
  });
});
