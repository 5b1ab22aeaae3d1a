import { ZulipError } from '@hub/api/zulip-error';

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
 * as a form, Travis a form whose `payload` field holds JSON, most tools plain JSON.
 */
export function parseWebhookBody(raw: Buffer, contentType: string | undefined): ParsedWebhookBody {
  const text = raw.toString('utf8').trim();
  if (text === '') return { payload: {}, form: {} };
  if (text.startsWith('{') || text.startsWith('[')) {
    try {
      return { payload: JSON.parse(text), form: {} };
    } catch {
      throw invalidJson();
    }
  }
  const looksLikeForm =
    /application\/x-www-form-urlencoded/i.test(contentType ?? '') || /^[^=&\s]+=/.test(text);
  if (!looksLikeForm) throw invalidJson();
  const form: Record<string, string> = {};
  for (const [key, value] of new URLSearchParams(text)) form[key] = value;
  if (form.payload === undefined) return { payload: form, form };
  try {
    return { payload: JSON.parse(form.payload), form };
  } catch {
    throw invalidJson();
  }
}
