import { defineIntegration, WebhookEvent } from '../core/define';
import type { Payload } from '../core/payload';
import { link } from '../core/text';

/**
 * Prometheus Alertmanager's webhook receiver: a group of `alerts`, each `firing` or `resolved`.
 * As in Zulip, each alert is named by a label or annotation (`name=`, default `instance`), which
 * is the topic, and described by another (`desc=`, default `alertname`), linked to its graph.
 */

const STATUS: Record<string, { icon: string; title: string }> = {
  firing: { icon: ':alert:', title: 'FIRING' },
  resolved: { icon: ':squared_ok:', title: 'Resolved' },
};

/** A label's value, else the annotation's, else `fallback`. */
function field(alert: Payload, key: string, fallback: string): string {
  const label = alert.optObj('labels')?.optStr(key);
  const annotation = alert.optObj('annotations')?.optStr(key);
  return label ?? annotation ?? fallback;
}

function alerts(e: WebhookEvent) {
  const nameField = e.options.name ?? 'instance';
  const descField = e.options.desc ?? 'alertname';
  // name → status → lines, in the order Alertmanager lists them.
  const groups = new Map<string, Map<string, string[]>>();
  for (const alert of e.payload.list('alerts')) {
    const name = field(alert, nameField, '(unknown)');
    const desc = field(alert, descField, `<missing field: ${descField}>`);
    // Prometheus's tab=0 is the graph view (tab=1 the table).
    const url = alert.str('generatorURL').replace('tab=1', 'tab=0');
    const status = alert.str('status');
    const byStatus = groups.get(name) ?? new Map<string, string[]>();
    byStatus.set(status, [...(byStatus.get(status) ?? []), `${desc} (${link('graph', url)})`]);
    groups.set(name, byStatus);
  }
  const named = groups.size > 1;
  const sections = [...groups].flatMap(([name, byStatus]) =>
    [...byStatus].map(([status, lines]) => ({
      name: named ? name : null,
      ...(STATUS[status] ?? { icon: ':info:', title: status }),
      single: lines.length === 1 ? lines[0] : null,
      lines,
    })),
  );
  const topic = groups.keys().next().value ?? '(unknown)';
  const body = sections.map((section) => e.render('group', section)).join('\n\n');
  return e.messageWithBody(topic, body);
}

export const alertmanagerIntegration = defineIntegration({
  name: 'alertmanager',
  displayName: 'Alertmanager',
  category: 'monitoring',
  eventName: (e) => e.payload.str('status'),
  events: { firing: alerts, resolved: alerts },
  parameters: {
    name: 'the label (or annotation) naming an alert, which is the topic; default instance',
    desc: 'the label (or annotation) describing an alert; default alertname',
  },
});
