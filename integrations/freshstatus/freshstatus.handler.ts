import { defineIntegration, WebhookEvent } from '../core/define';
import { truncatedList, utcTime } from '../core/text';

/**
 * Freshstatus (Freshworks' status pages): incidents and scheduled maintenance opened, and notes
 * added to them (a closing note closes them), the event in `event_data.event_type`. Topic: the
 * incident's title; `Freshstatus` for the test Freshstatus sends when the webhook is saved.
 */

/** Zulip names at most five affected services. */
const SERVICES_LIMIT = 5;

/** "2021-04-12 16:29 UTC". */
const minute = (time: string) => utcTime(time.replace(' ', 'T')).replace(/:\d{2} UTC$/, ' UTC');

const services = (e: WebhookEvent) =>
  truncatedList(
    e.payload.str('affected_services').split(','),
    SERVICES_LIMIT,
    (n) => `[and ${n} more service(s)]`,
  );

/** Freshstatus's test delivery: an INCIDENT_OPEN with id "1". */
const isTest = (e: WebhookEvent) => e.payload.str('id') === '1';

function incidentOpen(e: WebhookEvent) {
  if (isTest(e)) return e.message('Freshstatus', 'test', {});
  return e.message(e.payload.str('title'), 'incident_open', {
    title: e.payload.str('title'),
    description: e.payload.str('description'),
    start: minute(e.payload.str('start_time')),
    services: services(e),
  });
}

function maintenancePlanned(e: WebhookEvent) {
  return e.message(e.payload.str('title'), 'maintenance_planned', {
    title: e.payload.str('title'),
    description: e.payload.str('description'),
    start: minute(e.payload.str('scheduled_start_time')),
    end: minute(e.payload.str('scheduled_end_time')),
    services: services(e),
  });
}

function note(kind: 'incident' | 'scheduled maintenance') {
  return (e: WebhookEvent) =>
    e.message(e.payload.str('title'), 'note', {
      kind,
      title: e.payload.str('title'),
      message: e.payload.str('message'),
      closed: e.payload.str('incident_status') === 'Closed',
    });
}

export const freshstatusIntegration = defineIntegration({
  name: 'freshstatus',
  displayName: 'Freshstatus',
  category: 'monitoring',
  eventField: 'event_data.event_type',
  events: {
    INCIDENT_OPEN: incidentOpen,
    INCIDENT_NOTE_CREATE: note('incident'),
    MAINTENANCE_PLANNED: maintenancePlanned,
    MAINTENANCE_NOTE_CREATE: note('scheduled maintenance'),
  },
});
