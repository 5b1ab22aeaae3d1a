import { defineIntegration, EventHandler, WebhookEvent } from '../core/define';
import { AnomalousPayloadError } from '../core/payload';
import { transifexSignature } from '../core/verify';

/**
 * Transifex: a notification when a resource is fully translated or reviewed in a language. The
 * fields (`project`, `resource`, `language`, `translated` / `reviewed` percentages, `event`) come
 * as form or JSON fields of the body, or (as Zulip's tests send them) in the URL.
 * Topic: "<project> in <language>", as Zulip names it.
 */

/** A field from the URL or form (the gateway's options), else from a JSON body. */
function field(e: WebhookEvent, name: string): string | null {
  return e.options[name] ?? e.payload.optId(name);
}

function required(e: WebhookEvent, name: string): string {
  const value = field(e, name);
  if (value === null || value === '') throw new AnomalousPayloadError(name, 'a value');
  return value;
}

/** A percentage that is present and not zero, as Zulip reads `translated` and `reviewed`. */
const reached = (e: WebhookEvent, name: string) => {
  const value = field(e, name);
  return value !== null && value !== '' && Number(value) !== 0;
};

const completed =
  (what: 'translated' | 'reviewed'): EventHandler =>
  (e) =>
    e.message(`${required(e, 'project')} in ${required(e, 'language')}`, 'completed', {
      resource: required(e, 'resource'),
      what,
    });

export const transifexIntegration = defineIntegration({
  name: 'transifex',
  displayName: 'Transifex',
  category: 'other',
  verify: transifexSignature(),
  eventName: (e) => {
    const event = field(e, 'event');
    if (event) return event;
    // Older notifications name no event: the percentage they carry says which one it is.
    if (reached(e, 'translated')) return 'translation_completed';
    if (reached(e, 'reviewed')) return 'review_completed';
    return 'unknown';
  },
  events: {
    translation_completed: completed('translated'),
    review_completed: completed('reviewed'),
  },
});
