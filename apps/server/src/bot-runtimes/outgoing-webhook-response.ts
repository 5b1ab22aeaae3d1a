import { ServiceInterface } from '../bots/bot.types';

/** What the bot's answer asks for. */
export type WebhookAnswer =
  { kind: 'reply'; content: string } | { kind: 'silent' } | { kind: 'invalid'; reason: string };

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function replyText(value: unknown, field: string): WebhookAnswer {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return { kind: 'reply', content: String(value) };
  }
  return { kind: 'invalid', reason: `"${field}" in the response is not a string` };
}

/**
 * Reads a 2xx answer as Zulip does: `{"response_not_required": true}` or an object without a
 * reply field posts nothing; `content` (Zulip format; legacy `response_string` too) or `text`
 * (Slack format) is the reply; an empty body posts nothing; anything else is invalid.
 */
export function parseWebhookAnswer(body: string, format: ServiceInterface): WebhookAnswer {
  if (body.trim() === '') return { kind: 'silent' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return { kind: 'invalid', reason: 'the response is not valid JSON' };
  }
  if (!isObject(parsed)) return { kind: 'invalid', reason: 'the response is not a JSON object' };
  if (format === ServiceInterface.SlackCompatible) {
    return 'text' in parsed ? replyText(parsed.text, 'text') : { kind: 'silent' };
  }
  if (parsed.response_not_required === true) return { kind: 'silent' };
  if ('response_string' in parsed) return replyText(parsed.response_string, 'response_string');
  if ('content' in parsed) return replyText(parsed.content, 'content');
  return { kind: 'silent' };
}
