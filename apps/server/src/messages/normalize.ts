import { ZulipError } from '../common/zulip-error';
import { MAX_INT32 } from '../common/params';
import { MAX_MESSAGE_LENGTH, MAX_TOPIC_LENGTH, NO_TOPIC } from './message.types';

/** Zulip's truncation: cut so that the text plus the marker fits in `max` characters. */
function truncate(text: string, max: number, marker: string): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  return chars.slice(0, max - [...marker].length).join('') + marker;
}

/** Control characters break clients and mirrors; Zulip refuses them in topics. */
function checkNoControlCharacters(text: string, what: string): void {
  const chars = [...text];
  const bad = chars.findIndex((c) => /[\p{Cc}\p{Cs}\p{Cn}]/u.test(c));
  if (bad >= 0)
    throw ZulipError.badRequest(`Invalid character in ${what}, at position ${bad + 1}!`);
}

/**
 * Trims the topic and cuts it to 60 characters with "..."; an empty topic becomes "(no topic)"
 * (what Zulip stores before feature level 334) unless the realm requires topics.
 */
export function normalizeTopic(raw: string | undefined, mandatoryTopics: boolean): string {
  const topic = truncate((raw ?? '').trim(), MAX_TOPIC_LENGTH, '...');
  checkNoControlCharacters(topic, 'topic');
  if (topic === '' || topic === NO_TOPIC) {
    if (mandatoryTopics) throw ZulipError.badRequest('Topics are required in this organization');
    return NO_TOPIC;
  }
  return topic;
}

/** A topic given to an edit: trimmed and cut like a new one; empty is refused. */
export function normalizeEditedTopic(raw: string): string {
  const topic = truncate(raw.trim(), MAX_TOPIC_LENGTH, '...');
  if (topic === '') throw ZulipError.badRequest("Topic can't be empty!");
  checkNoControlCharacters(topic, 'topic');
  return topic;
}

/** Trailing whitespace and leading blank lines go; the rest is kept, at most 10000 characters. */
export function normalizeContent(raw: string): string {
  const content = raw.replace(/\s+$/u, '').replace(/^\n+/, '');
  if (content === '') throw ZulipError.badRequest('Message must not be empty');
  if (content.includes('\0')) throw ZulipError.badRequest('Message must not contain null bytes');
  return truncate(content, MAX_MESSAGE_LENGTH, '\n[message truncated]');
}

/** An edit to empty content deletes the text, as Zulip does. */
export function normalizeEditedContent(raw: string): string {
  return raw.trim() === '' ? '(deleted)' : normalizeContent(raw);
}

/** Zulip's User-Agent parse: the name part before "/version" or " (details)". */
const USER_AGENT = /^([^/ ]*[^0-9/(]*)(\/([^/ ]*))?([ /].*)?$/;

/** The sending client's name: the `client` parameter, else the User-Agent's name part. */
export function clientName(clientParam: string | undefined, userAgent: string | undefined): string {
  const fromParam = clientParam?.trim();
  if (fromParam) return fromParam.slice(0, 30);
  const name = userAgent ? USER_AGENT.exec(userAgent)?.[1]?.trim() : undefined;
  return name ? name.slice(0, 30) : 'API';
}

export const MIRROR_CLIENTS = new Set([
  'zephyr_mirror',
  'irc_mirror',
  'jabber_mirror',
  'JabberMirror',
  'slack_mirror',
]);

/** Zulip reads `forged=yes` (mirrors) and `forged=true` alike. */
export function isTruthyFlag(value: string | boolean | undefined): boolean {
  if (typeof value === 'boolean') return value;
  return value !== undefined && ['yes', 'true', '1'].includes(value.toLowerCase());
}

/** Splits a DM `to`: a JSON list of ids or emails, a bare email, or a comma-separated list. */
export function parseDirectRecipients(to: unknown): { ids: number[]; emails: string[] } {
  let items: unknown[];
  if (Array.isArray(to)) items = to;
  else if (typeof to === 'number') items = [to];
  else if (typeof to === 'string') items = to.split(',');
  else throw ZulipError.badRequest('Invalid recipients');
  const ids: number[] = [];
  const emails: string[] = [];
  for (const item of items) {
    const id = typeof item === 'string' && /^\d+$/.test(item.trim()) ? Number(item.trim()) : item;
    if (typeof id === 'number') {
      if (!Number.isInteger(id) || id <= 0 || id > MAX_INT32) {
        throw ZulipError.badRequest(`Invalid user ID ${id}`);
      }
      ids.push(id);
    } else if (typeof id === 'string' && id.trim() !== '') {
      if (id.includes('\u0000')) throw ZulipError.badRequest('Invalid recipients');
      emails.push(id.trim());
    } else if (typeof id !== 'string') throw ZulipError.badRequest('Invalid recipients');
  }
  if (ids.length > 0 && emails.length > 0) {
    throw ZulipError.badRequest('Recipient lists may contain emails or user IDs, but not both.');
  }
  if (ids.length === 0 && emails.length === 0) {
    throw ZulipError.badRequest('Message must have recipients');
  }
  return { ids, emails };
}

/** A stream `to`: a name, an id, or a JSON list of one of those. */
export function parseStreamRecipient(to: unknown): string | number {
  const value = Array.isArray(to) && to.length === 1 ? to[0] : to;
  if (typeof value === 'number' && Number.isInteger(value)) {
    if (value <= 0 || value > MAX_INT32) throw ZulipError.streamDoesNotExist(value);
    return value;
  }
  if (typeof value === 'string' && value.trim() !== '' && !value.includes('\u0000')) {
    return /^\d{1,10}$/.test(value.trim())
      ? parseStreamRecipient(Number(value.trim()))
      : value.trim();
  }
  throw ZulipError.badRequest('Invalid channel name');
}
