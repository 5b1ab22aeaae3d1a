import { defineIntegration, WebhookEvent } from '../core/define';
import { htmlToMarkdown } from '../core/html';
import { Payload } from '../core/payload';
import { blockQuote } from '../core/text';

/**
 * Freshdesk: an automation rule's "Trigger webhook" action posts the ticket's placeholders as JSON
 * (`{"freshdesk_webhook": {"triggered_event": "{status:{from:4,to:6}}", "ticket_id": ...}}`).
 * Topic `#<id>: <subject>`, as Zulip's Freshdesk integration names it.
 */

/** What `triggered_event` says: `{ticket_action:created}` or `{status:{from:4,to:6}}` (not JSON). */
interface Trigger {
  field: string;
  value: string;
  from: string;
  to: string;
}

function trigger(p: Payload): Trigger {
  const parts = p
    .str('freshdesk_webhook.triggered_event')
    .replace(/[{}]/g, '')
    .replace(/,/g, ':')
    .split(':');
  return { field: parts[0], value: parts[1] ?? '', from: parts[2] ?? '', to: parts[4] ?? '' };
}

/** The event name (what only_events matches). */
function eventName(p: Payload): string {
  const { field, value } = trigger(p);
  if (field === 'ticket_action') return `ticket_${value}`;
  if (field === 'note_type') return 'note_added';
  return `${field}_changed`;
}

/**
 * Freshdesk sends status and priority changes by number; these are its default names (custom
 * statuses show their number).
 */
const NAMES: Record<string, string[]> = {
  status: ['', '', 'Open', 'Pending', 'Resolved', 'Closed', 'Waiting on Customer'],
  priority: ['', 'Low', 'Medium', 'High', 'Urgent'],
};
const named = (field: string, value: string) => NAMES[field][Number(value)] || value;

const ticket = (e: WebhookEvent) => e.payload.obj('freshdesk_webhook');
const topic = (t: Payload) => `#${t.str('ticket_id')}: ${t.str('ticket_subject')}`;
const who = (t: Payload) => ({
  name: t.str('requester_name'),
  email: t.str('requester_email'),
  id: t.str('ticket_id'),
  url: t.str('ticket_url'),
});

function changed(e: WebhookEvent) {
  const t = ticket(e);
  const { field, from, to } = trigger(e.payload);
  return e.message(topic(t), 'changed', {
    ...who(t),
    property: field.charAt(0).toUpperCase() + field.slice(1),
    from: named(field, from),
    to: named(field, to),
  });
}

export const freshdeskIntegration = defineIntegration({
  name: 'freshdesk',
  displayName: 'Freshdesk',
  category: 'project-management',
  eventName: (e) => eventName(e.payload),
  events: {
    ticket_created: (e) => {
      const t = ticket(e);
      return e.message(topic(t), 'created', {
        ...who(t),
        description: blockQuote(htmlToMarkdown(t.str('ticket_description'))),
        type: t.str('ticket_type'),
        priority: t.str('ticket_priority'),
        status: t.str('ticket_status'),
      });
    },
    note_added: (e) => {
      const t = ticket(e);
      return e.message(topic(t), 'note', { ...who(t), kind: trigger(e.payload).value });
    },
    status_changed: changed,
    priority_changed: changed,
  },
});
