import { defineIntegration, WebhookEvent } from '../core/define';
import type { Payload } from '../core/payload';
import { countOf } from '../core/text';

/**
 * updown.io posts a JSON list of events (`check.down`, `check.up`, ...). The event name is the
 * part after `check.` of the first event (a delivery holding an event type Zulip does not know
 * is unsupported as a whole); topic: the check's URL.
 */
const TYPES = ['up', 'down'];

function typeOf(event: Payload): string {
  const name = event.str('event');
  const match = /^check\.(.*)$/.exec(name);
  return match && TYPES.includes(match[1]) ? match[1] : name;
}

function eventsOf(e: WebhookEvent): Payload[] {
  if (!Array.isArray(e.payload.raw)) return e.payload.list('events');
  return e.payload.raw.map((_, i) => e.payload.obj(String(i)));
}

function eventName(e: WebhookEvent): string {
  const types = eventsOf(e).map(typeOf);
  return types.find((t) => !TYPES.includes(t)) ?? types[0] ?? 'no_events';
}

/** "4 minutes 25 seconds", as Zulip words a downtime. */
function duration(seconds: number): string {
  const parts: Array<[number, string]> = [
    [Math.floor(seconds / 86400), 'day'],
    [Math.floor((seconds % 86400) / 3600), 'hour'],
    [Math.floor((seconds % 3600) / 60), 'minute'],
    [seconds % 60, 'second'],
  ];
  return parts
    .filter(([n]) => n > 0)
    .map(([n, unit]) => countOf(n, unit))
    .join(' ');
}

function body(e: WebhookEvent, event: Payload): string {
  const downtime = event.obj('downtime');
  if (typeOf(event) === 'down') {
    const started = downtime.str('started_at').replace('T', ' ').replace('Z', ' UTC');
    return e.render('down', { error: downtime.optStr('error') ?? 'unknown', started });
  }
  const again = downtime.optStr('started_at') !== null;
  const seconds = downtime.optNum('duration');
  return e.render('up', { again, after: again && seconds ? duration(seconds) : '' });
}

function checks(e: WebhookEvent) {
  const events = eventsOf(e);
  // Zulip posts each event; here a delivery is one message, an event a line.
  const text = events.map((event) => body(e, event)).join('\n');
  return e.messageWithBody(events[0].str('check.url'), text);
}

export const updownIntegration = defineIntegration({
  name: 'updown',
  displayName: 'Updown',
  category: 'monitoring',
  eventName,
  events: { up: checks, down: checks },
});
