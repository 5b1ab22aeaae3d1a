import { defineIntegration, WebhookEvent } from '../core/define';
import type { Payload } from '../core/payload';
import { link } from '../core/text';
import { anyOf, hmacHeader, webhookTokenHeader } from '../core/verify';

/**
 * PagerDuty's incident webhooks, in all three generations: V1 and V2 post `messages` (V1 by
 * `type` "incident.trigger", V2 by `event`), V3 one `event` with `event_type`
 * "incident.triggered". Topic `Incident {number}` (V3: `Incident {title} (#{number})`).
 */

/** PagerDuty's type → the action, which is also the event name for only_events. */
const V1_V2_ACTIONS: Record<string, string> = {
  'incident.trigger': 'triggered',
  'incident.acknowledge': 'acknowledged',
  'incident.unacknowledge': 'unacknowledged',
  'incident.resolve': 'resolved',
  'incident.assign': 'assigned',
  'incident.escalate': 'escalated',
  'incident.delegate': 'delegated',
};
const V2_TYPES = [
  'incident.trigger',
  'incident.acknowledge',
  'incident.resolve',
  'incident.assign',
];
const V3_ACTIONS: Record<string, string> = {
  'incident.triggered': 'triggered',
  'incident.acknowledged': 'acknowledged',
  'incident.unacknowledged': 'unacknowledged',
  'incident.resolved': 'resolved',
  'incident.reassigned': 'reassigned',
};

interface Incident {
  action: string;
  numTitle: string;
  url: string;
  service: string;
  serviceUrl: string;
  assignee: string;
  agent: string | null;
  trigger: string;
}

/** `[ada](url)` for a V1 user: the part of the email before the @. */
const v1User = (user: Payload) => link(user.str('email').split('@')[0], user.str('html_url'));
const reference = (ref: Payload) => link(ref.str('summary'), ref.str('html_url'));

function v1(message: Payload): Incident {
  const incident = message.obj('data.incident');
  const assigned = incident.optObj('assigned_to_user');
  const resolver = incident.optObj('resolved_by_user');
  const summary = incident.optObj('trigger_summary_data');
  const trigger = [summary?.optStr('subject'), summary?.optStr('description')].filter(Boolean);
  return {
    action: V1_V2_ACTIONS[message.str('type')],
    numTitle: String(incident.num('incident_number')),
    url: incident.str('html_url'),
    service: incident.str('service.name'),
    serviceUrl: incident.str('service.html_url'),
    assignee: assigned ? v1User(assigned) : 'nobody',
    agent: resolver ? v1User(resolver) : null,
    trigger: trigger.join('\n'),
  };
}

function v2(message: Payload): Incident {
  const incident = message.obj('incident');
  const assignment = incident.list('assignments')[0];
  const changedBy = incident.optObj('last_status_change_by');
  return {
    action: V1_V2_ACTIONS[message.str('event')],
    numTitle: String(incident.num('incident_number')),
    url: incident.str('html_url'),
    service: incident.str('service.name'),
    serviceUrl: incident.str('service.html_url'),
    assignee: assignment ? reference(assignment.obj('assignee')) : 'nobody',
    agent: changedBy ? reference(changedBy) : null,
    trigger: incident.optStr('description') ?? '',
  };
}

function v3(event: Payload): Incident {
  const data = event.obj('data');
  const assignee = data.list('assignees')[0];
  const agent = event.optObj('agent');
  return {
    action: V3_ACTIONS[event.str('event_type')],
    numTitle: `${data.str('title')} (#${data.num('number')})`,
    url: data.str('html_url'),
    service: data.str('service.summary'),
    serviceUrl: data.str('service.html_url'),
    assignee: assignee ? reference(assignee) : 'nobody',
    agent: agent ? reference(agent) : null,
    trigger: '',
  };
}

/** The delivery's type names: one per V1/V2 message, or V3's one event type. */
function typesOf(e: WebhookEvent): string[] {
  if (e.payload.has('messages')) {
    return e.payload.list('messages').map((m) => m.optStr('type') ?? m.str('event'));
  }
  return [e.payload.str('event.event_type')];
}

/** The event: the (first) message's action, or the first type this integration does not know. */
function eventName(e: WebhookEvent): string {
  const types = typesOf(e);
  const v3 = !e.payload.has('messages');
  const known = (type: string, message?: Payload) =>
    v3
      ? Object.hasOwn(V3_ACTIONS, type)
      : message?.has('type')
        ? Object.hasOwn(V1_V2_ACTIONS, type)
        : V2_TYPES.includes(type);
  const messages = v3 ? [] : e.payload.list('messages');
  const unknown = types.find((type, i) => !known(type, messages[i]));
  if (unknown !== undefined) return unknown;
  return (v3 ? V3_ACTIONS : V1_V2_ACTIONS)[types[0]];
}

function incidents(e: WebhookEvent) {
  const all = e.payload.has('messages')
    ? e.payload.list('messages').map((m) => (m.has('type') ? v1(m) : v2(m)))
    : [v3(e.payload.obj('event'))];
  // A V1 delivery may batch several messages (an assignment, then its acknowledgement): one
  // message here, each paragraph as Zulip words it, under the first incident's topic.
  const body = all
    .map((incident) =>
      e.render('incident', {
        ...incident,
        byService: ['triggered', 'unacknowledged'].includes(incident.action),
        resolved: incident.action === 'resolved',
        assigned: ['assigned', 'reassigned'].includes(incident.action),
      }),
    )
    .join('\n\n');
  return e.messageWithBody(`Incident ${all[0].numTitle}`, body);
}

const ACTIONS = [...new Set([...Object.values(V1_V2_ACTIONS), ...Object.values(V3_ACTIONS)])];

export const pagerdutyIntegration = defineIntegration({
  name: 'pagerduty',
  displayName: 'PagerDuty',
  category: 'monitoring',
  eventName,
  events: Object.fromEntries(ACTIONS.map((action) => [action, incidents])),
  verify: anyOf(
    hmacHeader({ header: 'X-PagerDuty-Signature', prefix: 'v1=', separator: ',' }),
    webhookTokenHeader,
  ),
});
