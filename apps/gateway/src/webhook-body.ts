import { ZulipError } from '@hub/api/zulip-error';
import { multipartFields } from '../../../integrations/core/multipart';
import { parseXml, XmlSyntaxError } from '../../../integrations/core/xml';

export interface ParsedWebhookBody {
  /** What the integration reads: JSON, or the JSON inside a form's `payload` field. */
  payload: unknown;
  /** Form fields when the body was a form (they can carry api_key, stream, topic). */
  form: Record<string, string>;
}

export function invalidJson(): ZulipError {
  return new ZulipError('INVALID_JSON', 'Malformed JSON', 400);
}

/**
 * Parses a webhook body by what it is, not only by its content type: Semaphore sends JSON labelled
 * as a form, Travis a form whose `payload` field holds JSON, HelloSign a multipart form whose
 * `json` field holds it, Pivotal Tracker (v3) XML, most tools plain JSON.
 */
export function parseWebhookBody(raw: Buffer, contentType: string | undefined): ParsedWebhookBody {
  const text = raw.toString('utf8').trim();
  if (text === '') return { payload: {}, form: {} };
  // Shortcut (Clubhouse) sometimes posts a bare `null`, which its integration ignores.
  if (text === 'null') return { payload: null, form: {} };
  if (text.startsWith('{') || text.startsWith('[')) {
    try {
      return { payload: JSON.parse(text), form: {} };
    } catch {
      throw invalidJson();
    }
  }
  // A few services post XML (Pivotal Tracker's v3 activity): its elements, read like JSON.
  if (text.startsWith('<')) {
    try {
      return { payload: parseXml(text), form: {} };
    } catch (err) {
      if (err instanceof XmlSyntaxError) throw invalidJson();
      throw err;
    }
  }
  const multipart = multipartFields(raw, contentType);
  const looksLikeForm =
    /application\/x-www-form-urlencoded/i.test(contentType ?? '') || /^[^=&\s]+=/.test(text);
  if (!multipart && !looksLikeForm) throw invalidJson();
  const form: Record<string, string> = multipart ?? {};
  if (!multipart) for (const [key, value] of new URLSearchParams(text)) form[key] = value;
  // Travis and most form senders put the JSON in `payload`; HelloSign puts it in `json` (of a
  // multipart form, or of a URL-encoded one).
  const json = form.payload ?? form.json;
  if (json === undefined) return { payload: form, form };
  try {
    return { payload: JSON.parse(json), form };
  } catch {
    throw invalidJson();
  }
}

// `topic` stays in the options: with a custom topic some integrations put the title in the body.
const RESERVED_PARAMS = new Set([
  'api_key',
  'stream',
  'payload',
  'json',
  'only_events',
  'exclude_events',
]);

/** The URL and form parameters an integration sees (its `options`): all but the gateway's own. */
export function integrationOptions(params: Record<string, string>): Record<string, string> {
  const options: Record<string, string> = {};
  for (const [k, v] of Object.entries(params)) if (!RESERVED_PARAMS.has(k)) options[k] = v;
  return options;
}
