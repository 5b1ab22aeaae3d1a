import { Injectable } from '@nestjs/common';
import { readsMessageSql } from '../streams/message-access-sql';
import { Database } from '../database/database.service';
import { Role } from '../identity/user.types';
import { MessageFlag } from './flags';
import { groupMembersSql } from '../user-groups/group-members-sql';
import type {
  FetchedMessageRow,
  MessageEditRow,
  MessageRow,
  MessageUserRow,
  ReactionRow,
} from './message.types';
import { narrowConditions, ResolvedTerm, SqlParams, tsQuery } from './narrow-sql';

export interface NewMessage {
  realm_id: number;
  sender_id: number;
  stream_id: number | null;
  topic: string;
  content: string;
  rendered_content: string;
  sending_client: string;
  date_sent: Date | null;
  has_link: boolean;
  has_image: boolean;
  has_attachment: boolean;
}

/** Who receives a new message, and which server-set flags they get (alert words: from content). */
export interface RecipientSpec {
  /** Subscribers of the message's stream (and the sender), or exactly these users. */
  source: 'stream' | { userIds: number[] };
  readBySender: boolean;
  mentionedUserIds: number[];
  /** Members of these groups are mentioned too. */
  mentionedGroupIds: number[];
  streamWildcardMentioned: boolean;
  /** `@**topic**`: recipients who have posted in the topic count as wildcard-mentioned. */
  topicWildcardMentioned: boolean;
}

/** A message row as `row_to_json` returns it: timestamps are strings. */
type MessageJson = Omit<MessageRow, 'date_sent' | 'last_edit_time'> & {
  date_sent: string;
  last_edit_time: string | null;
};

/** A user who received a message, with the flags they got. */
export interface Recipient {
  user_id: number;
  flags: number;
}

/** What a page of `GET /messages` asks the database for. */
export interface PageQuery {
  realmId: number;
  userId: number;
  terms: ResolvedTerm[];
  /** Streams whose whole history the reader may see in this narrow (beyond their own rows). */
  historyStreamIds: number[];
  anchor: number;
  includeAnchor: boolean;
  numBefore: number;
  numAfter: number;
  /** Search operands to highlight in `match_content` / `match_subject`. */
  highlight: string[];
  /** Guests read public streams only where web-public or subscribed. */
  isGuest: boolean;
}

/** The rows of messages `ids` whose holders may read them now (`guestRole`: Role.Guest). */
function readersOfRows(ids: string, guestRole: string): string {
  return `FROM user_messages um
    JOIN messages m ON m.id = um.message_id
    JOIN users u ON u.id = um.user_id
    WHERE um.message_id = ANY(${ids}::bigint[])
      AND ${readsMessageSql('um.user_id', `(u.role = ${guestRole})`)}`;
}

/** Every column of `m` but the search vector, which clients never see. */
const M_COLUMNS = `m.id, m.realm_id, m.sender_id, m.stream_id, m.dm_group_id, m.topic, m.content,
  m.rendered_content, m.date_sent, m.sending_client, m.last_edit_time, m.has_link, m.has_image,
  m.has_attachment`;

const REGEX_SPECIALS = '([.^$*+?()\\[\\]{}|\\\\-])';
const ESCAPED_SPECIAL = '\\\\\\1';
const HIGHLIGHT_OPTIONS =
  'HighlightAll=true, StartSel="<span class=""highlight"">", StopSel=</span>';
/** `alias.topic` escaped as HTML, for the search highlight of the subject. */
const escapedTopic = (alias: string) =>
  `replace(replace(replace(replace(replace(${alias}.topic, '&', '&amp;'), '<', '&lt;'), '>', '&gt;'), '"', '&quot;'), '''', '&#39;')`;

/**
 * The statement of `insertWithRecipients`, for stream messages or DMs: built once each, so every
 * send passes the same string (its prepared-statement name is then found without rehashing).
 */
function insertWithRecipientsSql(direct: boolean): string {
  const source = direct
    ? 'SELECT DISTINCT unnest($12::int[]) AS user_id'
    : `SELECT s.user_id FROM subscriptions s JOIN users u ON u.id = s.user_id
           WHERE s.stream_id = $3 AND s.active AND u.is_active
         UNION SELECT $2::int`;
  return `WITH g AS (
         INSERT INTO direct_message_groups (realm_id, user_ids)
         SELECT $1, $12::int[] WHERE $12::int[] IS NOT NULL
         ON CONFLICT (realm_id, user_ids) DO UPDATE SET user_ids = EXCLUDED.user_ids
         RETURNING id
       ), m AS (
         INSERT INTO messages (realm_id, sender_id, stream_id, dm_group_id, topic, content,
           rendered_content, sending_client, date_sent, has_link, has_image, has_attachment,
           search_tsvector)
         SELECT $1, $2, $3::int, (SELECT id FROM g), $4, $5, $6, $7, COALESCE($8, now()),
           $9, $10, $11, to_tsvector('english', $4 || ' ' || $5)
         RETURNING id, realm_id, sender_id, stream_id, dm_group_id, topic, content,
           rendered_content, date_sent, sending_client, last_edit_time, has_link, has_image,
           has_attachment
       ), r AS (
         INSERT INTO user_messages (user_id, message_id, flags)
         SELECT rr.user_id, m.id,
           (CASE WHEN (rr.user_id = $2 AND $13::boolean)
                   OR rr.user_id IN (SELECT mu.user_id FROM muted_users mu WHERE mu.muted_user_id = $2)
              THEN ${MessageFlag.read} ELSE 0 END)
           | (CASE WHEN rr.user_id = ANY($14::int[]) OR rr.user_id IN ${groupMembersSql('$15')}
              THEN ${MessageFlag.mentioned} ELSE 0 END)
           | (CASE WHEN rr.user_id <> $2 AND ($16::boolean OR ($17::boolean AND EXISTS (
                SELECT 1 FROM messages tm WHERE tm.stream_id = $3 AND lower(tm.topic) = lower($4)
                  AND tm.sender_id = rr.user_id)))
              THEN ${MessageFlag.wildcard_mentioned} ELSE 0 END)
           | (CASE WHEN rr.user_id <> $2 AND EXISTS (SELECT 1 FROM alert_words a
                WHERE a.user_id = rr.user_id AND $5 ~* ('(^|[^[:alnum:]_])'
                  || regexp_replace(a.word, $18, $19, 'g') || '($|[^[:alnum:]_])'))
              THEN ${MessageFlag.has_alert_word} ELSE 0 END)
         FROM m, (${source}) rr
         RETURNING user_id, flags
       )
       SELECT row_to_json(m) AS message,
         COALESCE((SELECT json_agg(json_build_object('user_id', user_id, 'flags', flags)) FROM r),
           '[]'::json) AS recipients
       FROM m`;
}
const INSERT_STREAM_MESSAGE_SQL = insertWithRecipientsSql(false);
const INSERT_DIRECT_MESSAGE_SQL = insertWithRecipientsSql(true);

@Injectable()
export class MessagesRepository {
  constructor(private readonly db: Database) {}

  /**
   * Stores a message and one row per recipient with their flags — and, for a DM, finds or creates
   * its conversation — in a single statement: one round trip, atomic without BEGIN/COMMIT, and
   * the same cost for 2 recipients or 2000. A recipient who muted the sender gets it already read.
   */
  async insertWithRecipients(
    m: NewMessage,
    spec: RecipientSpec,
  ): Promise<{ message: MessageRow; recipients: Recipient[] }> {
    const dmUserIds = spec.source === 'stream' ? null : spec.source.userIds;
    const row = await this.db.one<{ message: MessageJson; recipients: Recipient[] }>(
      dmUserIds ? INSERT_DIRECT_MESSAGE_SQL : INSERT_STREAM_MESSAGE_SQL,
      [
        m.realm_id,
        m.sender_id,
        m.stream_id,
        m.topic,
        m.content,
        m.rendered_content,
        m.sending_client,
        m.date_sent,
        m.has_link,
        m.has_image,
        m.has_attachment,
        dmUserIds,
        spec.readBySender,
        spec.mentionedUserIds,
        spec.mentionedGroupIds,
        spec.streamWildcardMentioned,
        spec.topicWildcardMentioned,
        REGEX_SPECIALS,
        ESCAPED_SPECIAL,
      ],
    );
    if (!row) throw new Error('message insert returned nothing');
    const { message, recipients } = row;
    return {
      message: {
        ...message,
        date_sent: new Date(message.date_sent),
        last_edit_time: message.last_edit_time ? new Date(message.last_edit_time) : null,
      },
      recipients,
    };
  }

  /**
   * Everyone holding a row for any of `messageIds` (an edit's messages) who may still read it,
   * with their flags on `messageId`, the message the edit names (0 for rows only on the others,
   * as a topic move carries).
   */
  recipientFlags(
    messageId: number,
    messageIds: number[],
  ): Promise<Array<{ user_id: number; flags: number }>> {
    return this.db.rows(
      `SELECT um.user_id, COALESCE(max(um.flags) FILTER (WHERE um.message_id = $2), 0) AS flags
       ${readersOfRows('$1', '$3')}
       GROUP BY um.user_id ORDER BY 1`,
      [messageIds, messageId, Role.Guest],
    );
  }

  /**
   * Everyone holding a row for any of these messages who may still read it (whom a deletion or
   * reaction concerns): someone who left a private stream hears nothing more of it.
   */
  async recipientsOf(messageIds: number[]): Promise<number[]> {
    const rows = await this.db.rows<{ user_id: number }>(
      `SELECT DISTINCT um.user_id ${readersOfRows('$1', '$2')} ORDER BY 1`,
      [messageIds, Role.Guest],
    );
    return rows.map((r) => r.user_id);
  }

  findById(realmId: number, id: number): Promise<MessageRow | undefined> {
    return this.db.one<MessageRow>(
      `SELECT ${M_COLUMNS} FROM messages m WHERE m.id = $1 AND m.realm_id = $2`,
      [id, realmId],
    );
  }

  /**
   * The messages among `ids` the user may read — own rows, or stream history they may see —
   * with their flags and place, in id order.
   */
  findAccessible(
    realmId: number,
    userId: number,
    isGuest: boolean,
    ids: number[],
  ): Promise<FetchedMessageRow[]> {
    return this.db.rows<FetchedMessageRow>(
      `SELECT ${M_COLUMNS}, um.flags AS user_flags, st.name AS stream_name, g.user_ids AS dm_user_ids
       FROM messages m
       LEFT JOIN user_messages um ON um.message_id = m.id AND um.user_id = $2
       LEFT JOIN streams st ON st.id = m.stream_id
       LEFT JOIN direct_message_groups g ON g.id = m.dm_group_id
       WHERE m.realm_id = $1 AND m.id = ANY($3::bigint[])
         AND ${readsMessageSql('$2', '$4')}
       ORDER BY m.id`,
      [realmId, userId, ids, isGuest],
    );
  }

  /**
   * One page around an anchor: the messages before, the anchor itself, and after. Each part picks
   * its page of messages first and only then joins stream names, DM members and search
   * highlights for those rows: a search matching thousands of messages otherwise joins (and the
   * planner, misled by the access rule's estimate, loops over) every match.
   */
  async findPage(q: PageQuery): Promise<{
    before: FetchedMessageRow[];
    anchor: FetchedMessageRow[];
    after: FetchedMessageRow[];
  }> {
    const params = new SqlParams();
    const realm = params.add(q.realmId);
    const user = params.add(q.userId);
    const { join, conditions } = this.accessAndNarrow(q, params, realm, user);
    const extra = this.highlightColumns(q.highlight, params, 'p');
    const select = `SELECT ${M_COLUMNS}, um.flags AS user_flags
      FROM messages m
      ${join} user_messages um ON um.message_id = m.id AND um.user_id = ${user}
      WHERE ${conditions.join(' AND ')}`;
    const decorate = (part: string, page: string, order: string) =>
      `(SELECT '${part}' AS part, p.*, st.name AS stream_name, g.user_ids AS dm_user_ids${extra}
        FROM (${page}) p
        LEFT JOIN streams st ON st.id = p.stream_id
        LEFT JOIN direct_message_groups g ON g.id = p.dm_group_id
        ORDER BY p.id ${order})`;
    const anchor = params.add(q.anchor);
    const parts: string[] = [];
    parts.push(
      decorate(
        'before',
        `${select} AND m.id < ${anchor} ORDER BY m.id DESC LIMIT ${params.add(q.numBefore + 1)}`,
        'DESC',
      ),
    );
    if (q.includeAnchor) {
      parts.push(decorate('anchor', `${select} AND m.id = ${anchor}`, 'ASC'));
    }
    parts.push(
      decorate(
        'after',
        `${select} AND m.id > ${anchor} ORDER BY m.id ASC LIMIT ${params.add(q.numAfter + 1)}`,
        'ASC',
      ),
    );
    const rows = await this.db.rows<FetchedMessageRow & { part: string }>(
      parts.join(' UNION ALL '),
      params.values,
    );
    const pick = (part: string) => rows.filter((r) => r.part === part);
    return { before: pick('before'), anchor: pick('anchor'), after: pick('after') };
  }

  /** The oldest unread message in the narrow, for `anchor=first_unread`. */
  async firstUnread(q: PageQuery): Promise<number | undefined> {
    const params = new SqlParams();
    const realm = params.add(q.realmId);
    const user = params.add(q.userId);
    const { conditions } = this.accessAndNarrow(
      { ...q, historyStreamIds: [] },
      params,
      realm,
      user,
    );
    const row = await this.db.one<{ id: number | null }>(
      `SELECT min(m.id) AS id FROM messages m
       JOIN user_messages um ON um.message_id = m.id AND um.user_id = ${user}
       WHERE ${conditions.join(' AND ')} AND (um.flags & ${MessageFlag.read}) = 0`,
      params.values,
    );
    return row?.id ?? undefined;
  }

  /** Which of `ids` match the narrow for this reader, with highlighting. */
  matching(q: PageQuery, ids: number[]): Promise<FetchedMessageRow[]> {
    const params = new SqlParams();
    const realm = params.add(q.realmId);
    const user = params.add(q.userId);
    const { join, conditions } = this.accessAndNarrow(q, params, realm, user);
    const extra = this.highlightColumns(q.highlight, params);
    return this.db.rows<FetchedMessageRow>(
      `SELECT ${M_COLUMNS}, um.flags AS user_flags, NULL AS stream_name, NULL AS dm_user_ids${extra}
       FROM messages m
       ${join} user_messages um ON um.message_id = m.id AND um.user_id = ${user}
       WHERE ${conditions.join(' AND ')} AND m.id = ANY(${params.add(ids)}::bigint[])
       ORDER BY m.id`,
      params.values,
    );
  }

  /**
   * The narrow's conditions plus the access rule: the reader's own rows (inner join), or — when
   * the narrow may show whole-stream history — also those streams' messages (outer join); either
   * way only messages the reader may read now (a private stream they left shows nothing).
   */
  private accessAndNarrow(
    q: PageQuery,
    params: SqlParams,
    realm: string,
    user: string,
  ): { join: string; conditions: string[] } {
    const conditions = [`m.realm_id = ${realm}`, ...narrowConditions(q.terms, params, realm)];
    const reads = readsMessageSql(user, params.add(q.isGuest));
    if (q.historyStreamIds.length === 0)
      return { join: 'JOIN', conditions: [...conditions, reads] };
    conditions.push(`(m.stream_id = ANY(${params.add(q.historyStreamIds)}::int[]) OR ${reads})`);
    return { join: 'LEFT JOIN', conditions };
  }

  /** Search highlights of the rows of `alias` (a message row). */
  private highlightColumns(queries: string[], params: SqlParams, alias = 'm'): string {
    if (queries.length === 0) return '';
    const query = tsQuery(params, queries.join(' '));
    const options = params.add(HIGHLIGHT_OPTIONS);
    return `, ts_headline('english', ${alias}.rendered_content, ${query}, ${options}) AS match_content,
      ts_headline('english', ${escapedTopic(alias)}, ${query}, ${options}) AS match_subject`;
  }

  /** Senders and DM members of a page, in one query. */
  usersByIds(ids: number[]): Promise<MessageUserRow[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.db.rows<MessageUserRow>(
      `SELECT id, realm_id, email, delivery_email, full_name, is_mirror_dummy, avatar_source,
         avatar_version FROM users WHERE id = ANY($1::int[])`,
      [ids],
    );
  }

  reactionsFor(messageIds: number[]): Promise<ReactionRow[]> {
    if (messageIds.length === 0) return Promise.resolve([]);
    return this.db.rows<ReactionRow>(
      `SELECT message_id, user_id, emoji_name, emoji_code, reaction_type FROM reactions
       WHERE message_id = ANY($1::bigint[]) ORDER BY id`,
      [messageIds],
    );
  }

  editsFor(messageIds: number[]): Promise<MessageEditRow[]> {
    if (messageIds.length === 0) return Promise.resolve([]);
    return this.db.rows<MessageEditRow>(
      `SELECT * FROM message_edits WHERE message_id = ANY($1::bigint[]) ORDER BY id`,
      [messageIds],
    );
  }
}
