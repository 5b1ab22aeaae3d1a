import { ZulipError } from '../common/zulip-error';

/** Zulip's longest topic; longer draft topics are cut, as messages' are. */
const MAX_TOPIC_LENGTH = 60;
const MAX_DRAFT_LENGTH = 10_000;
const FIELDS = new Set(['id', 'type', 'to', 'topic', 'content', 'timestamp']);

/** A draft as a client sent it, checked for shape (not yet for who may be addressed). */
export interface DraftInput {
  type: '' | 'stream' | 'private';
  /** The stream for `stream` drafts. */
  streamId: number | null;
  /** The users for `private` drafts. */
  userIds: number[];
  topic: string;
  content: string;
  lastEditTime: Date;
}

function isIdList(value: unknown): value is number[] {
  return (
    Array.isArray(value) &&
    value.every((v) => Number.isInteger(v) && (v as number) > 0 && (v as number) <= 2_147_483_647)
  );
}

/** Reads one draft object (`name` says which, for errors: `drafts[0]`, `draft`). */
export function parseDraft(raw: unknown, name: string, now = new Date()): DraftInput {
  const invalid = (why: string) => ZulipError.invalid(name, why);
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw invalid('not a dict');
  const draft = raw as Record<string, unknown>;
  const extra = Object.keys(draft).find((k) => !FIELDS.has(k));
  if (extra !== undefined) throw invalid(`unexpected field "${extra}"`);
  const { type, to, topic, content, timestamp } = draft;
  if (type !== '' && type !== 'stream' && type !== 'private') {
    throw invalid('type must be "", "stream" or "private"');
  }
  if (!isIdList(to)) throw invalid('to must be a list of IDs');
  if (typeof topic !== 'string' || topic.includes('\u0000')) {
    throw invalid('topic must be a string');
  }
  if (typeof content !== 'string' || content.trim() === '' || content.includes('\u0000')) {
    throw invalid('content must not be empty');
  }
  if (content.length > MAX_DRAFT_LENGTH) throw invalid('content is too long');
  let lastEditTime = now;
  if (timestamp !== undefined && timestamp !== null) {
    if (typeof timestamp !== 'number' || !Number.isFinite(timestamp)) {
      throw invalid('timestamp must be a number');
    }
    if (timestamp < 0) throw ZulipError.badRequest('Timestamp must not be negative.');
    lastEditTime = new Date(timestamp * 1000);
    if (Number.isNaN(lastEditTime.getTime())) throw invalid('timestamp is out of range');
  }
  const base = { content, lastEditTime };
  if (type === 'stream') {
    if (to.length !== 1) {
      throw ZulipError.badRequest('Must specify exactly 1 channel ID for channel messages');
    }
    return { ...base, type, streamId: to[0], userIds: [], topic: cutTopic(topic) };
  }
  if (type === 'private') {
    if (to.length === 0) throw invalid('a direct message draft needs at least one recipient');
    return { ...base, type, streamId: null, userIds: [...new Set(to)], topic: '' };
  }
  return { ...base, type, streamId: null, userIds: [], topic: cutTopic(topic) };
}

function cutTopic(topic: string): string {
  const trimmed = topic.trim();
  return trimmed.length > MAX_TOPIC_LENGTH
    ? `${trimmed.slice(0, MAX_TOPIC_LENGTH - 3)}...`
    : trimmed;
}
