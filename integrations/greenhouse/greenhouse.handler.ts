import { defineIntegration, EventHandler, WebhookEvent } from '../core/define';
import { Payload } from '../core/payload';
import { link } from '../core/text';
import { hmacHeader } from '../core/verify';

/**
 * Greenhouse (recruiting): a JSON document per candidate event (`{"action":
 * "candidate_stage_change", "payload": {"application": {...}}}`). Topic: "<Action> - <candidate
 * id>", as Zulip's Greenhouse integration names it.
 */

/** "Candidate Stage Change" from `candidate_stage_change`. */
const title = (action: string) =>
  action
    .split('_')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1).toLowerCase())
    .join(' ');

/** "a@x.org (Personal), [Resume](url)": each item with a value, or linked when it has a URL. */
function items(list: Payload[]): string {
  return list
    .map((item) => {
      const type = title(item.optStr('type') ?? '');
      const value = item.optStr('value');
      const url = item.optStr('url');
      if (type && value) return `${value} (${type})`;
      return type && url ? link(type, url) : null;
    })
    .filter((text): text is string => text !== null)
    .join(', ');
}

const candidateEvent: EventHandler = (e: WebhookEvent) => {
  const action = e.payload.str('action');
  const application = e.payload.obj('payload.application');
  const candidate =
    action === 'update_candidate'
      ? e.payload.obj('payload.candidate')
      : application.obj('candidate');
  const id = candidate.num('id');
  const jobs = application.list('jobs');
  return e.message(`${title(action)} - ${id}`, 'candidate', {
    action: title(action),
    firstName: candidate.str('first_name'),
    lastName: candidate.str('last_name'),
    id,
    role: jobs.length ? jobs[0].str('name') : '',
    emails: items(application.optList('candidate.email_addresses')),
    attachments: items(application.optList('candidate.attachments')),
  });
};

/** The candidate events Greenhouse's web hooks send. */
const ACTIONS = [
  'new_candidate_application',
  'new_prospect_application',
  'candidate_stage_change',
  'hire_candidate',
  'reject_candidate',
  'unreject_candidate',
  'update_candidate',
];

export const greenhouseIntegration = defineIntegration({
  name: 'greenhouse',
  displayName: 'Greenhouse',
  category: 'project-management',
  eventField: 'action',
  events: Object.fromEntries(ACTIONS.map((action) => [action, candidateEvent])),
  ignoredEvents: ['ping'],
  // Greenhouse signs with the web hook's secret key: `Signature: sha256 <HMAC-SHA256 of the body>`.
  verify: hmacHeader({ header: 'Signature', prefix: 'sha256 ' }),
});
