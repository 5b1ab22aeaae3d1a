import { defineIntegration, WebhookEvent } from '../core/define';
import type { Payload } from '../core/payload';
import { utcTime } from '../core/text';
import { anyOf, tokenHeader, webhookTokenHeader } from '../core/verify';

/**
 * Grafana's webhook contact point. Grafana 8+ (unified alerting) posts `alerts`, each `firing`
 * or `resolved`, topic `[{alertname}]`; Grafana 7 (legacy alerting) posts one rule's `state`,
 * topic the notification's `title`. The event is the status / state (Zulip's names).
 */

const LEGACY_STATES = ['alerting', 'ok', 'pending', 'paused', 'no_data', 'unknown'];
const STATUSES = ['firing', 'resolved'];
/** Grafana's "never" for an alert that has not ended. */
const NO_END = '0001-01-01T00:00:00Z';

const ICONS: Record<string, string> = {
  alerting: ':alert:',
  ok: ':squared_ok:',
  firing: ':alert:',
  resolved: ':checkbox:',
};

function eventName(e: WebhookEvent): string {
  if (e.payload.has('alerts')) {
    const first = e.payload.list('alerts')[0];
    return first ? first.str('status') : 'no_alerts';
  }
  return e.payload.str('state');
}

function legacy(e: WebhookEvent) {
  const state = e.payload.str('state');
  const matches = e.payload.optList('evalMatches').map((m) => {
    const value = m.optNum('value');
    return { metric: m.str('metric'), value: value === null ? 'no value' : String(value) };
  });
  return e.message(e.payload.str('title'), 'legacy', {
    icon: ICONS[state] ?? ':info:',
    state: state.toUpperCase(),
    rule: e.payload.str('ruleName'),
    url: e.payload.str('ruleUrl'),
    text: e.payload.optStr('message'),
    matches,
    image: e.payload.optStr('imageUrl'),
  });
}

/** `key: value` lines of a flat object (labels, annotations, values). */
function pairs(alert: Payload, field: string): Array<{ key: string; value: string }> {
  const object = alert.optObj(field);
  if (!object) return [];
  const raw = object.raw as Record<string, unknown>;
  return Object.keys(raw).map((key) => {
    const value = raw[key];
    return { key, value: typeof value === 'string' ? value : JSON.stringify(value) };
  });
}

/** The alert's links, as Zulip labels them (plus the dashboard and panel Grafana 9+ sends). */
const LINKS: Array<[string, string]> = [
  ['generatorURL', 'Generator'],
  ['silenceURL', 'Silence'],
  ['imageURL', 'Image'],
  ['dashboardURL', 'Dashboard'],
  ['panelURL', 'Panel'],
];

function alertContext(alert: Payload) {
  const status = alert.str('status');
  const name = alert.optStr('labels.alertname');
  const ends = alert.optStr('endsAt');
  return {
    topic: `[${name || alert.str('fingerprint')}]`,
    icon: ICONS[status] ?? ':info:',
    status: status.toUpperCase(),
    name,
    started: utcTime(alert.str('startsAt')),
    ended: ends && ends !== NO_END ? utcTime(ends) : null,
    labels: pairs(alert, 'labels'),
    values: pairs(alert, 'values'),
    valueString: alert.optStr('valueString'),
    annotations: pairs(alert, 'annotations'),
    links: LINKS.flatMap(([field, label]) => {
      const url = alert.optStr(field);
      return url ? [`[${label}](${url})`] : [];
    }).join(' · '),
  };
}

/** Grafana groups alerts in one delivery: one message, an alert a section, under the first's topic. */
function alerts(e: WebhookEvent) {
  const all = e.payload.list('alerts').map(alertContext);
  const body = all.map((alert) => e.render('alert', alert)).join('\n\n');
  return e.messageWithBody(all[0].topic, body);
}

export const grafanaIntegration = defineIntegration({
  name: 'grafana',
  displayName: 'Grafana',
  category: 'monitoring',
  eventName,
  events: {
    ...Object.fromEntries(LEGACY_STATES.map((state) => [state, legacy])),
    ...Object.fromEntries(STATUSES.map((status) => [status, alerts])),
  },
  // The contact point's "Authorization header" setting (Bearer <secret>), or a custom header.
  verify: anyOf(tokenHeader('Authorization', { prefix: 'Bearer ' }), webhookTokenHeader),
});
