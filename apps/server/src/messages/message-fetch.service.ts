import { Injectable } from '@nestjs/common';
import { escapeHtml } from '@hub/markdown/html';
import { LinkifiersRepository } from '../linkifiers/linkifiers.repository';
import { ZulipError } from '../common/zulip-error';
import type { Realm } from '../identity/realm.types';
import { StreamsService } from '../streams/streams.service';
import { UsersRepository } from '../identity/users.repository';
import { Role, User } from '../identity/user.types';
import type { Message as ApiMessage } from '@hub/api/message.types';
import type { FetchedMessageRow, MessageUserRow } from './message.types';
import { presentMessages, userIdsOf } from './message-presenter';
import { MessagesRepository, PageQuery } from './messages.repository';
import { badNarrow, NarrowTerm } from './narrow';
import { ResolvedTerm, searchQueries } from './narrow-sql';

/** Zulip's anchor for "newest" (LARGER_THAN_MAX_MESSAGE_ID). */
export const NEWEST_ANCHOR = 10_000_000_000_000_000;
export const MAX_MESSAGES_PER_FETCH = 5000;

export type Anchor = number | 'newest' | 'oldest' | 'first_unread';

export interface FetchOptions {
  anchor: Anchor;
  includeAnchor: boolean;
  numBefore: number;
  numAfter: number;
  narrow: NarrowTerm[];
  applyMarkdown: boolean;
  clientGravatar: boolean;
}

export interface FetchResult {
  anchor: number;
  found_anchor: boolean;
  found_newest: boolean;
  found_oldest: boolean;
  history_limited: boolean;
  messages: ApiMessage[];
}

export interface PageRows {
  anchor: number;
  found_anchor: boolean;
  found_newest: boolean;
  found_oldest: boolean;
  rows: FetchedMessageRow[];
}

interface ResolvedNarrow {
  terms: ResolvedTerm[];
  historyStreamIds: number[];
  near?: number;
  /**
   * The users the narrow names by id, once known to exist in the realm (rejecting with the first
   * unknown one, as resolving would have): awaited beside the page query, so a DM narrow does
   * not wait one more round trip before it; the presenter reuses them (a DM's members are its
   * senders and recipients).
   */
  verified: Promise<MessageUserRow[]>;
}

@Injectable()
export class MessageFetchService {
  constructor(
    private readonly messages: MessagesRepository,
    private readonly streams: StreamsService,
    private readonly users: UsersRepository,
    private readonly linkifiers: LinkifiersRepository,
  ) {}

  async fetch(user: User, realm: Realm, options: FetchOptions): Promise<FetchResult> {
    const { page, users } = await this.pageAndUsers(user, realm, options);
    const { rows, ...found } = page;
    return {
      ...found,
      history_limited: false,
      messages: await this.present(
        realm,
        rows,
        options.applyMarkdown,
        options.clientGravatar,
        users,
      ),
    };
  }

  /** The rows of a page around the anchor, oldest first, with Zulip's `found_*` answers. */
  async page(
    user: User,
    realm: Realm,
    options: Omit<FetchOptions, 'applyMarkdown' | 'clientGravatar'>,
  ): Promise<PageRows> {
    return (await this.pageAndUsers(user, realm, options)).page;
  }

  /** `page()`, with the users the narrow named by id (already loaded to check them). */
  private async pageAndUsers(
    user: User,
    realm: Realm,
    options: Omit<FetchOptions, 'applyMarkdown' | 'clientGravatar'>,
  ): Promise<{ page: PageRows; users: MessageUserRow[] }> {
    if (options.numBefore < 0 || options.numAfter < 0) throw ZulipError.invalid('num_before');
    if (options.numBefore + options.numAfter > MAX_MESSAGES_PER_FETCH) {
      throw ZulipError.badRequest(
        `Too many messages requested (maximum ${MAX_MESSAGES_PER_FETCH}).`,
      );
    }
    const narrow = await this.resolve(user, options.narrow);
    const query: PageQuery = {
      realmId: realm.id,
      userId: user.id,
      terms: narrow.terms,
      historyStreamIds: narrow.historyStreamIds,
      anchor: 0,
      includeAnchor: options.includeAnchor,
      numBefore: options.numBefore,
      numAfter: options.numAfter,
      highlight: searchQueries(narrow.terms),
      isGuest: user.role === Role.Guest,
    };
    const [page, users] = await Promise.all([
      this.anchorId(options.anchor, narrow.near, query).then((anchor) => {
        query.anchor = anchor;
        return this.messages.findPage(query);
      }),
      narrow.verified,
    ]);
    const before = page.before.slice(0, options.numBefore).reverse();
    const after = page.after.slice(0, options.numAfter);
    return {
      page: {
        anchor: query.anchor,
        found_anchor: page.anchor.length > 0,
        found_oldest: page.before.length <= options.numBefore,
        found_newest: page.after.length <= options.numAfter,
        rows: [...before, ...page.anchor, ...after],
      },
      users,
    };
  }

  /** `message_ids`: those of the ids the user may read, in id order. */
  async fetchByIds(
    user: User,
    realm: Realm,
    ids: number[],
    applyMarkdown: boolean,
    clientGravatar: boolean,
  ): Promise<ApiMessage[]> {
    if (ids.length > MAX_MESSAGES_PER_FETCH)
      throw ZulipError.badRequest('Too many messages requested');
    const rows = await this.messages.findAccessible(
      realm.id,
      user.id,
      user.role === Role.Guest,
      ids,
    );
    return this.present(realm, rows, applyMarkdown, clientGravatar);
  }

  /** `GET /messages/{id}`: the message and its Markdown source. */
  async fetchOne(
    user: User,
    realm: Realm,
    id: number,
    applyMarkdown: boolean,
  ): Promise<{ raw_content: string; message: ApiMessage }> {
    const rows = await this.messages.findAccessible(realm.id, user.id, user.role === Role.Guest, [
      id,
    ]);
    if (rows.length === 0) throw invalidMessage();
    const [message] = await this.present(realm, rows, applyMarkdown, false);
    return { raw_content: rows[0].content, message };
  }

  /** `GET /messages/matches_narrow`: which ids match, with search highlights. */
  async matchesNarrow(
    user: User,
    realm: Realm,
    ids: number[],
    terms: NarrowTerm[],
  ): Promise<Record<string, { match_content: string; match_subject: string }>> {
    const narrow = await this.resolve(user, terms);
    const query: PageQuery = {
      realmId: realm.id,
      userId: user.id,
      terms: narrow.terms,
      historyStreamIds: narrow.historyStreamIds,
      anchor: 0,
      includeAnchor: true,
      numBefore: 0,
      numAfter: 0,
      highlight: searchQueries(narrow.terms),
      isGuest: user.role === Role.Guest,
    };
    const [rows] = await Promise.all([this.messages.matching(query, ids), narrow.verified]);
    const result: Record<string, { match_content: string; match_subject: string }> = {};
    for (const row of rows) {
      result[String(row.id)] = {
        match_content: row.match_content ?? row.rendered_content,
        match_subject: row.match_subject ?? escapeHtml(row.topic),
      };
    }
    return result;
  }

  private async anchorId(
    anchor: Anchor,
    near: number | undefined,
    query: PageQuery,
  ): Promise<number> {
    if (near !== undefined) return near;
    if (anchor === 'newest') return NEWEST_ANCHOR;
    if (anchor === 'oldest') return 0;
    if (anchor === 'first_unread') {
      return (await this.messages.firstUnread(query)) ?? NEWEST_ANCHOR;
    }
    return anchor;
  }

  /**
   * Batch-loads senders, DM members, reactions, edits and linkifiers: a fixed number of queries.
   * Users in `known` (loaded already) are not loaded again.
   */
  private async present(
    realm: Realm,
    rows: FetchedMessageRow[],
    applyMarkdown: boolean,
    clientGravatar: boolean,
    known: MessageUserRow[] = [],
  ): Promise<ApiMessage[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    const edited = rows.filter((r) => r.last_edit_time !== null).map((r) => r.id);
    const knownIds = new Set(known.map((u) => u.id));
    const [loaded, reactions, edits, linkifiers] = await Promise.all([
      this.messages.usersByIds(userIdsOf(rows).filter((id) => !knownIds.has(id))),
      this.messages.reactionsFor(ids),
      this.messages.editsFor(edited),
      this.linkifiers.list(realm.id),
    ]);
    return presentMessages(rows, {
      realmStr: realm.string_id,
      users: [...known, ...loaded],
      reactions,
      edits,
      linkifiers,
      applyMarkdown,
      clientGravatar,
    });
  }

  /**
   * Turns names into ids and decides whose history the narrow may show: like Zulip, a positive
   * stream term adds that stream's whole history when the user may read it (public, or
   * subscribed with shared history), unless the narrow also filters on the user's own flags.
   */
  private async resolve(user: User, terms: NarrowTerm[]): Promise<ResolvedNarrow> {
    const emails = terms.flatMap((t) => {
      if (t.operator === 'sender' || t.operator === 'dm-including') {
        return typeof t.operand === 'string' ? [t.operand] : [];
      }
      return t.operator === 'dm' ? t.operand.filter((o): o is string => typeof o === 'string') : [];
    });
    const ids = terms.flatMap((t) => {
      if (t.operator === 'sender' || t.operator === 'dm-including') {
        return typeof t.operand === 'number' ? [t.operand] : [];
      }
      return t.operator === 'dm' ? t.operand.filter((o): o is number => typeof o === 'number') : [];
    });
    // Users named by id only, in a narrow where nothing else can be refused while resolving (no
    // channel names, no emails): their ids go into the query as given, and the check that they
    // exist runs beside the page query, refusing the same first unknown user it would have here.
    const deferCheck =
      ids.length > 0 && emails.length === 0 && !terms.some((t) => t.operator === 'stream');
    const known =
      emails.length + ids.length > 0
        ? [
            ...(emails.length ? await this.users.findManyByEmails(user.realm_id, emails) : []),
            ...(ids.length && !deferCheck
              ? await this.users.findManyByIds(user.realm_id, ids)
              : []),
          ]
        : [];
    const userId = (operand: string | number): number => {
      if (deferCheck && typeof operand === 'number') return operand;
      const found = known.find((u) =>
        typeof operand === 'number'
          ? u.id === operand
          : u.email.toLowerCase() === operand.toLowerCase(),
      );
      if (!found) throw badNarrow(`unknown user ${operand}`);
      return found.id;
    };

    const resolved: ResolvedNarrow = {
      terms: [],
      historyStreamIds: [],
      verified: Promise.resolve([]),
    };
    let flagFilter = false;
    for (const t of terms) {
      switch (t.operator) {
        case 'stream': {
          const stream = await this.streams.findForUser(user, t.operand);
          if (!stream) throw badNarrow(`unknown channel ${t.operand}`);
          resolved.terms.push({ kind: 'stream', streamId: stream.id, negated: t.negated });
          if (!t.negated && this.streams.historyVisible(user, stream)) {
            resolved.historyStreamIds.push(stream.id);
          }
          break;
        }
        case 'streams':
          resolved.terms.push({ kind: 'public-streams', negated: t.negated });
          break;
        case 'topic':
          resolved.terms.push({ kind: 'topic', topic: t.operand, negated: t.negated });
          break;
        case 'sender':
          resolved.terms.push({ kind: 'sender', userId: userId(t.operand), negated: t.negated });
          break;
        case 'dm': {
          const members = new Set([user.id, ...t.operand.map(userId)]);
          const sorted = [...members].sort((a, b) => a - b);
          resolved.terms.push({ kind: 'dm', userIds: sorted, negated: t.negated });
          break;
        }
        case 'dm-including':
          resolved.terms.push({
            kind: 'dm-including',
            userId: userId(t.operand),
            negated: t.negated,
          });
          break;
        case 'is':
          if (t.operand !== 'resolved') flagFilter = true;
          resolved.terms.push({ kind: 'is', what: t.operand, negated: t.negated });
          break;
        case 'has':
          resolved.terms.push({ kind: 'has', what: t.operand, negated: t.negated });
          break;
        case 'id':
          resolved.terms.push({ kind: 'id', id: t.operand, negated: t.negated });
          break;
        case 'near':
          resolved.near = t.operand;
          break;
        case 'search':
          if (t.operand.trim() !== '') {
            resolved.terms.push({ kind: 'search', query: t.operand, negated: t.negated });
          }
          break;
      }
    }
    if (flagFilter) resolved.historyStreamIds = [];
    if (deferCheck) {
      // The requester too, in the same query: a member of every DM narrow's conversations.
      const load = [...new Set([...ids, user.id])];
      resolved.verified = this.users.findManyByIds(user.realm_id, load).then((found) => {
        const existing = new Set(found.map((u) => u.id));
        const unknown = ids.find((id) => !existing.has(id));
        if (unknown !== undefined) throw badNarrow(`unknown user ${unknown}`);
        return found;
      });
    }
    return resolved;
  }
}

export function invalidMessage(): ZulipError {
  return ZulipError.badRequest('Invalid message(s)');
}
