import { defineIntegration, WebhookEvent } from '../core/define';
import { AnomalousPayloadError } from '../core/payload';
import { utcTime } from '../core/text';

/**
 * New Relic alert notifications. Two payload shapes, as Zulip reads them: the retired
 * notification channels ("old": `current_state`, `timestamp`, `incident_id`, `policy_name`) and
 * workflows with the default Zulip template ("new": `state`, `createdAt`, `id`,
 * `alertPolicyNames`). Topic `{policy} ({incident id})`.
 */

/** The latest moment Zulip (Python's datetime) can show, in epoch milliseconds. */
const MAX_MILLISECONDS = 253_402_300_799_999;

const isNew = (e: WebhookEvent) => e.payload.optNum('id') !== null;

function eventName(e: WebhookEvent): string {
  return e.payload.str(isNew(e) ? 'state' : 'current_state').toLowerCase();
}

/** The incident's time: epoch milliseconds, as a number or a numeric string. */
function incidentTime(e: WebhookEvent, field: string): string {
  const raw = (e.payload.raw as Record<string, unknown>)[field];
  const ms = typeof raw === 'string' && /^\d+(\.\d+)?$/.test(raw.trim()) ? Number(raw) : raw;
  if (typeof ms !== 'number' || !Number.isFinite(ms) || Math.abs(ms) > MAX_MILLISECONDS) {
    throw new AnomalousPayloadError(field, 'a time in epoch milliseconds');
  }
  return utcTime(ms);
}

function incident(e: WebhookEvent) {
  const fresh = isNew(e);
  const status = e.payload.str(fresh ? 'state' : 'current_state');
  const time = incidentTime(e, fresh ? 'createdAt' : 'timestamp');
  const owner = e.payload.optStr('owner') ?? '';
  const policies =
    fresh && e.payload.has('alertPolicyNames') ? e.payload.strList('alertPolicyNames') : [];
  const policy = fresh
    ? policies.join(',') || 'Unknown Policy'
    : (e.payload.optStr('policy_name') ?? 'Unknown Policy');
  const id = fresh ? e.payload.num('id') : (e.payload.optNum('incident_id') ?? 'Unknown ID');
  const lower = status.toLowerCase();
  return e.message(`${policy} (${id})`, 'incident', {
    url: e.payload.optStr(fresh ? 'issueUrl' : 'incident_url') ?? 'https://alerts.newrelic.com',
    condition: e.payload.optStr('condition_name') ?? 'Unknown condition',
    details: e.payload.optStr('details') ?? 'No details.',
    // Opening (old) and activation (new) quote the violation; the rest name the status.
    opened: lower === 'open' ? 'opened' : lower === 'activated' ? 'active' : null,
    status,
    owner,
    time,
  });
}

export const newrelicIntegration = defineIntegration({
  name: 'newrelic',
  displayName: 'New Relic',
  category: 'monitoring',
  eventName,
  events: {
    open: incident,
    created: incident,
    activated: incident,
    acknowledged: incident,
    closed: incident,
  },
});
