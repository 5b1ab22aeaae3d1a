import type { HasOperand, IsOperand } from './narrow';
import { MessageFlag } from './flags';

/** A narrow term with its names resolved to ids, ready to become SQL. */
export type ResolvedTerm =
  | { kind: 'stream'; streamId: number; negated: boolean }
  | { kind: 'public-streams'; negated: boolean }
  | { kind: 'topic'; topic: string; negated: boolean }
  | { kind: 'sender'; userId: number; negated: boolean }
  | { kind: 'dm'; userIds: number[]; negated: boolean }
  | { kind: 'dm-including'; userId: number; negated: boolean }
  | { kind: 'is'; what: IsOperand; negated: boolean }
  | { kind: 'has'; what: HasOperand; negated: boolean }
  | { kind: 'id'; id: number; negated: boolean }
  | { kind: 'search'; query: string; negated: boolean };

/** Collects positional parameters while SQL is assembled. */
export class SqlParams {
  readonly values: unknown[] = [];

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/**
 * The reader's flags for message `m`: their own row's, or — for history they never received —
 * read + historical.
 */
export const READER_FLAGS = `COALESCE(um.flags, ${MessageFlag.read | MessageFlag.historical})`;

function isCondition(what: IsOperand): string {
  switch (what) {
    case 'dm':
    case 'private':
      return 'm.dm_group_id IS NOT NULL';
    case 'starred':
      return `(${READER_FLAGS} & ${MessageFlag.starred}) <> 0`;
    case 'mentioned':
      return `(${READER_FLAGS} & ${MessageFlag.mentioned | MessageFlag.wildcard_mentioned}) <> 0`;
    case 'unread':
      return `(${READER_FLAGS} & ${MessageFlag.read}) = 0`;
    case 'alerted':
      return `(${READER_FLAGS} & ${MessageFlag.has_alert_word}) <> 0`;
    case 'resolved':
      return `m.topic LIKE '✔ %'`;
  }
}

function hasCondition(what: HasOperand): string {
  switch (what) {
    case 'link':
      return 'm.has_link';
    case 'image':
      return 'm.has_image';
    case 'attachment':
      return 'm.has_attachment';
    case 'reaction':
      return 'EXISTS (SELECT 1 FROM reactions r WHERE r.message_id = m.id)';
  }
}

/** The full-text query for a search operand (websearch syntax: quotes, OR, -word). */
export function tsQuery(params: SqlParams, query: string): string {
  return `websearch_to_tsquery('english', ${params.add(query)})`;
}

function condition(term: ResolvedTerm, params: SqlParams, realmParam: string): string {
  switch (term.kind) {
    case 'stream':
      return `m.stream_id = ${params.add(term.streamId)}`;
    case 'public-streams':
      return `m.stream_id IN (SELECT id FROM streams WHERE realm_id = ${realmParam} AND NOT invite_only)`;
    case 'topic':
      return `(m.stream_id IS NOT NULL AND lower(m.topic) = lower(${params.add(term.topic)}))`;
    case 'sender':
      return `m.sender_id = ${params.add(term.userId)}`;
    case 'dm':
      return `m.dm_group_id IN (SELECT id FROM direct_message_groups
        WHERE realm_id = ${realmParam} AND user_ids = ${params.add(term.userIds)}::int[])`;
    case 'dm-including':
      return `m.dm_group_id IN (SELECT id FROM direct_message_groups
        WHERE realm_id = ${realmParam} AND ${params.add(term.userId)}::int = ANY(user_ids))`;
    case 'is':
      return isCondition(term.what);
    case 'has':
      return hasCondition(term.what);
    case 'id':
      return `m.id = ${params.add(term.id)}`;
    case 'search':
      return `m.search_tsvector @@ ${tsQuery(params, term.query)}`;
  }
}

/** SQL conditions on `m` (messages) and `um` (the reader's user_messages row) for the narrow. */
export function narrowConditions(
  terms: ResolvedTerm[],
  params: SqlParams,
  realmParam: string,
): string[] {
  return terms.map((term) => {
    const sql = condition(term, params, realmParam);
    return term.negated ? `NOT COALESCE(${sql}, false)` : sql;
  });
}

/** The search terms of a narrow, combined, for highlighting. */
export function searchQueries(terms: ResolvedTerm[]): string[] {
  return terms.flatMap((t) => (t.kind === 'search' && !t.negated ? [t.query] : []));
}
