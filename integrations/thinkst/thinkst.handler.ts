import { defineIntegration, WebhookEvent } from '../core/define';
import { AnomalousPayloadError } from '../core/payload';
import { inlineCode } from '../core/text';

/**
 * Thinkst Canary's generic webhook: a Canary incident (`AlertType` CanaryIncident) or a Canarytoken
 * of the paid console (CanarytokenIncident). Topic `canary alert - {canary}` or
 * `canarytoken alert - {token reminder}`. (canarytokens.org's free tokens: the canarytoken
 * integration.)
 */
const KINDS: Record<string, 'canary' | 'canarytoken'> = {
  CanaryIncident: 'canary',
  CanarytokenIncident: 'canarytoken',
};

/** `AdditionalDetails`: [label, value] pairs, the value a string or a number. */
function additionalDetails(e: WebhookEvent): Array<{ label: string; value: string }> {
  const raw = (e.payload.raw as Record<string, unknown>).AdditionalDetails;
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) throw new AnomalousPayloadError('AdditionalDetails', 'a list');
  return raw.map((pair: unknown, i) => {
    if (!Array.isArray(pair) || typeof pair[0] !== 'string') {
      throw new AnomalousPayloadError(`AdditionalDetails.${i}`, 'a [label, value] pair');
    }
    const value = String(pair[1]);
    // Thinkst writes passwords as stars, which Markdown would read as emphasis.
    return { label: pair[0], value: value.includes('*') ? inlineCode(value) : value };
  });
}

/** A field that may be a string or a number. */
function text(e: WebhookEvent, field: string): string | null {
  const value = (e.payload.raw as Record<string, unknown>)[field];
  if (value === undefined || value === null || value === '') return null;
  if (typeof value !== 'string' && typeof value !== 'number') {
    throw new AnomalousPayloadError(field, 'a string or a number');
  }
  return String(value);
}

function incident(e: WebhookEvent) {
  const kind = KINDS[e.payload.str('AlertType')];
  const name = e.payload.str(kind === 'canarytoken' ? 'Reminder' : 'CanaryName');
  const triggered = e.payload.optNum('Triggered');
  return e.message(`${kind} alert - ${name}`, 'incident', {
    title: kind === 'canarytoken' ? 'Canarytoken' : 'Canary',
    name,
    intro: e.payload.str('Intro'),
    incident: text(e, 'IncidentHash'),
    token: text(e, 'Token'),
    description: text(e, 'Description'),
    timestamp: text(e, 'Timestamp'),
    canaryIp: text(e, 'CanaryIP'),
    location: text(e, 'CanaryLocation'),
    triggered: triggered === null ? null : `${triggered} ${triggered > 1 ? 'times' : 'time'}`,
    sourceIp: text(e, 'SourceIP'),
    reverseDns: text(e, 'ReverseDNS'),
    details: additionalDetails(e),
  });
}

export const thinkstIntegration = defineIntegration({
  name: 'thinkst',
  displayName: 'Thinkst Canary',
  category: 'monitoring',
  eventField: 'AlertType',
  events: { CanaryIncident: incident, CanarytokenIncident: incident },
});
