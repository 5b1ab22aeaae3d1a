/**
 * What a realm export holds, table by table, in dependency order: a table only refers (through
 * `refs`) to tables listed before it, so an import can rewrite every id as it reads. References
 * that point forward or to the table itself are `deferred`: imported as NULL, set at the end.
 *
 * Columns are not listed: they are read from the live schema, so a column added by a migration is
 * exported and imported without touching this file. A new table or a new foreign key is not:
 * `checkCatalogue` refuses to run until it is described here (or excluded with a reason).
 */
export interface TableSpec {
  table: string;
  /** The primary key: rows are paged through (and written) in this order. */
  key: string[];
  /** SQL condition picking the realm's rows from alias `t`; `$1` is the realm id. */
  scope: string;
  /** Whether `id` is a serial the import replaces with a fresh value. */
  serialId: boolean;
  /** Columns holding ids of rows of an earlier table. */
  refs: Record<string, string>;
  /** integer[] columns holding ids of an earlier table (unknown ids are dropped). */
  arrayRefs?: Record<string, string>;
  /** Columns holding ids of a later table or of this one; a missing target becomes NULL. */
  deferred?: Record<string, string>;
  /** Columns left out of the file and recomputed on import with this SQL expression. */
  derived?: Record<string, string>;
  /**
   * Credentials: written as null, whatever they hold, and issued afresh on import with this
   * value (`new-key`: a new random key; otherwise the literal value). Only `manage backup`
   * copies them.
   */
  secrets?: Record<string, 'new-key' | null | ''>;
}

const OF_REALM = 't.realm_id = $1';
const OF_REALM_USERS = (column: string) =>
  `t.${column} IN (SELECT id FROM users WHERE realm_id = $1)`;

/** Whether user `id` (an SQL expression) consented to private data in exports. */
const CONSENTED = (id: string) =>
  `EXISTS (SELECT 1 FROM users cu WHERE cu.id = ${id} AND cu.allow_private_data_export)`;

/**
 * Whether message alias `m` may leave in an export: a public stream's message always; a direct
 * or private-stream message only when its sender and everyone who received it consented
 * (Zulip's `allow_private_data_export`), so nobody's private conversation leaves without them.
 */
const EXPORTABLE_MESSAGE = (m: string) =>
  `(EXISTS (SELECT 1 FROM streams ps WHERE ps.id = ${m}.stream_id AND NOT ps.invite_only)
    OR (${CONSENTED(`${m}.sender_id`)}
      AND NOT EXISTS (SELECT 1 FROM user_messages pum JOIN users pu ON pu.id = pum.user_id
        WHERE pum.message_id = ${m}.id AND NOT pu.allow_private_data_export)))`;

const OF_REALM_MESSAGES = `t.message_id IN (SELECT xm.id FROM messages xm
  WHERE xm.realm_id = $1 AND ${EXPORTABLE_MESSAGE('xm')})`;

export const EXPORT_TABLES: readonly TableSpec[] = [
  {
    table: 'realms',
    key: ['id'],
    scope: 't.id = $1',
    serialId: true,
    refs: {},
    // The push bouncer's identity of the realm: an imported copy is another realm there.
    derived: { uuid: 'gen_random_uuid()' },
  },
  {
    table: 'realm_domains',
    key: ['id'],
    scope: OF_REALM,
    serialId: true,
    refs: { realm_id: 'realms' },
  },
  {
    table: 'users',
    key: ['id'],
    scope: OF_REALM,
    serialId: true,
    refs: { realm_id: 'realms' },
    secrets: { api_key: 'new-key', password_hash: null },
    derived: { uuid: 'gen_random_uuid()' },
    deferred: {
      bot_owner_id: 'users',
      default_sending_stream_id: 'streams',
      default_events_register_stream_id: 'streams',
    },
  },
  {
    table: 'bot_services',
    key: ['id'],
    scope: OF_REALM_USERS('bot_id'),
    serialId: true,
    refs: { bot_id: 'users' },
    // The token an outgoing webhook's receiver checks.
    secrets: { token: 'new-key' },
  },
  {
    table: 'bot_config',
    key: ['id'],
    scope: OF_REALM_USERS('bot_id'),
    serialId: true,
    refs: { bot_id: 'users' },
    // Embedded bots' settings are mostly third-party API keys: set them again after an import.
    secrets: { value: '' },
  },
  {
    table: 'bot_storage',
    key: ['id'],
    scope: OF_REALM_USERS('bot_id'),
    serialId: true,
    refs: { bot_id: 'users' },
  },
  {
    table: 'streams',
    key: ['id'],
    scope: OF_REALM,
    serialId: true,
    refs: { realm_id: 'realms', creator_id: 'users' },
    deferred: { first_message_id: 'messages' },
  },
  {
    table: 'subscriptions',
    key: ['id'],
    scope: OF_REALM_USERS('user_id'),
    serialId: true,
    refs: { user_id: 'users', stream_id: 'streams' },
  },
  {
    table: 'default_streams',
    key: ['id'],
    scope: OF_REALM,
    serialId: true,
    refs: { realm_id: 'realms', stream_id: 'streams' },
  },
  {
    table: 'realm_filters',
    key: ['id'],
    scope: OF_REALM,
    serialId: true,
    refs: { realm_id: 'realms' },
  },
  {
    table: 'realm_emoji',
    key: ['id'],
    scope: OF_REALM,
    serialId: true,
    refs: { realm_id: 'realms', author_id: 'users' },
  },
  {
    table: 'user_groups',
    key: ['id'],
    scope: OF_REALM,
    serialId: true,
    refs: { realm_id: 'realms', creator_id: 'users' },
    // A group may name another group (or itself) that is imported later.
    deferred: { can_mention_group: 'user_groups' },
  },
  {
    table: 'user_group_subgroups',
    key: ['supergroup_id', 'subgroup_id'],
    scope: 't.supergroup_id IN (SELECT id FROM user_groups WHERE realm_id = $1)',
    serialId: false,
    refs: { supergroup_id: 'user_groups', subgroup_id: 'user_groups' },
  },
  {
    table: 'user_group_members',
    key: ['group_id', 'user_id'],
    scope: 't.group_id IN (SELECT id FROM user_groups WHERE realm_id = $1)',
    serialId: false,
    refs: { group_id: 'user_groups', user_id: 'users' },
  },
  {
    table: 'direct_message_groups',
    key: ['id'],
    // Who talks with whom is private too: only groups whose members all consented.
    scope: `${OF_REALM} AND NOT EXISTS (SELECT 1 FROM users gu
      WHERE gu.id = ANY(t.user_ids) AND NOT gu.allow_private_data_export)`,
    serialId: true,
    refs: { realm_id: 'realms' },
    arrayRefs: { user_ids: 'users' },
  },
  {
    table: 'attachments',
    key: ['id'],
    // A file goes with an exported message, or with its consenting owner.
    scope: `${OF_REALM} AND (${CONSENTED('t.owner_id')} OR EXISTS (
      SELECT 1 FROM message_attachments ma JOIN messages xm ON xm.id = ma.message_id
      WHERE ma.attachment_id = t.id AND ${EXPORTABLE_MESSAGE('xm')}))`,
    serialId: true,
    refs: { realm_id: 'realms', owner_id: 'users' },
  },
  {
    table: 'messages',
    key: ['id'],
    scope: `${OF_REALM} AND ${EXPORTABLE_MESSAGE('t')}`,
    serialId: true,
    refs: {
      realm_id: 'realms',
      sender_id: 'users',
      stream_id: 'streams',
      dm_group_id: 'direct_message_groups',
    },
    // The same expression the messages repository uses when a message is sent or edited.
    derived: { search_tsvector: "to_tsvector('english', topic || ' ' || content)" },
  },
  {
    table: 'user_messages',
    key: ['user_id', 'message_id'],
    scope: `${OF_REALM_USERS('user_id')} AND ${OF_REALM_MESSAGES}`,
    serialId: false,
    refs: { user_id: 'users', message_id: 'messages' },
  },
  {
    table: 'message_edits',
    key: ['id'],
    scope: OF_REALM_MESSAGES,
    serialId: true,
    refs: {
      message_id: 'messages',
      user_id: 'users',
      prev_stream_id: 'streams',
      stream_id: 'streams',
    },
  },
  {
    table: 'reactions',
    key: ['id'],
    scope: OF_REALM_MESSAGES,
    serialId: true,
    refs: { message_id: 'messages', user_id: 'users' },
  },
  {
    table: 'message_attachments',
    key: ['message_id', 'attachment_id'],
    scope: OF_REALM_MESSAGES,
    serialId: false,
    refs: { message_id: 'messages', attachment_id: 'attachments' },
  },
  {
    table: 'alert_words',
    key: ['id'],
    scope: OF_REALM_USERS('user_id'),
    serialId: true,
    refs: { user_id: 'users' },
  },
  {
    table: 'user_topics',
    key: ['id'],
    scope: OF_REALM_USERS('user_id'),
    serialId: true,
    refs: { user_id: 'users', stream_id: 'streams' },
  },
  {
    table: 'muted_users',
    key: ['id'],
    scope: OF_REALM_USERS('user_id'),
    serialId: true,
    refs: { user_id: 'users', muted_user_id: 'users' },
  },
  {
    table: 'drafts',
    key: ['id'],
    // Unsent text: its author's private data.
    scope: `${OF_REALM_USERS('user_id')} AND ${CONSENTED('t.user_id')}`,
    serialId: true,
    refs: { user_id: 'users', stream_id: 'streams' },
    arrayRefs: { user_ids: 'users' },
  },
  {
    table: 'realm_user_defaults',
    key: ['realm_id'],
    scope: OF_REALM,
    serialId: false,
    refs: { realm_id: 'realms' },
  },
  {
    table: 'realm_playgrounds',
    key: ['id'],
    scope: OF_REALM,
    serialId: true,
    refs: { realm_id: 'realms' },
  },
  {
    table: 'custom_profile_fields',
    key: ['id'],
    scope: OF_REALM,
    serialId: true,
    refs: { realm_id: 'realms' },
  },
  {
    table: 'custom_profile_field_values',
    key: ['user_id', 'field_id'],
    scope: OF_REALM_USERS('user_id'),
    serialId: false,
    refs: { user_id: 'users', field_id: 'custom_profile_fields' },
  },
  {
    table: 'scheduled_messages',
    key: ['id'],
    scope: `${OF_REALM} AND ${CONSENTED('t.sender_id')}`,
    serialId: true,
    refs: { realm_id: 'realms', sender_id: 'users', stream_id: 'streams' },
    arrayRefs: { user_ids: 'users' },
  },
  {
    table: 'user_status',
    key: ['user_id'],
    scope: OF_REALM_USERS('user_id'),
    serialId: false,
    refs: { user_id: 'users' },
  },
  {
    table: 'invites',
    key: ['id'],
    // Only pending invitations: accepted ones are history the new realm has no use for.
    scope: `${OF_REALM} AND t.accepted_at IS NULL`,
    serialId: true,
    refs: { realm_id: 'realms', invited_by_id: 'users' },
    arrayRefs: { stream_ids: 'streams' },
  },
];

/** Tables deliberately left out of an export, and why. */
export const NOT_EXPORTED: Readonly<Record<string, string>> = {
  server_secrets: 'server-wide, not part of any realm',
  schema_migrations: 'the migration log of this server',
  web_sessions:
    'sign-ins to this server: tokens mean nothing on another server, people log in again',
  user_presence: 'transient: rebuilt as soon as clients connect',
  confirmations: 'one-time links bound to the old realm URL; pending invites can be re-sent',
  multiuse_invites:
    'reusable invitation links: their keys are bound to the old realm URL; administrators make new ones',
  bridge_health: 'transient: each running bridge reports again within its interval',
  webhook_deliveries:
    "the gateway's bounded delivery history: raw third-party payloads, replayable only here",
  push_device_tokens:
    "mobile devices registered with this server's push service; the apps register again on login",
  push_notifications:
    "transient: due within seconds, for devices registered with this server's push service",
  push_notified_messages:
    "which notifications are on devices registered with this server's push service",
  missed_message_emails:
    'transient: due within minutes, about messages the old server has already notified of',
  channel_email_tokens:
    'channel email addresses are credentials of this server; the new one gives each channel a new address',
};

export function tableSpec(table: string): TableSpec | undefined {
  return EXPORT_TABLES.find((t) => t.table === table);
}

export interface ForeignKey {
  table: string;
  column: string;
  refTable: string;
}

/**
 * Problems that would make an export incomplete or an import corrupt on this schema: tables the
 * catalogue does not know, and foreign keys it would copy without rewriting.
 */
export function checkCatalogue(tables: string[], foreignKeys: ForeignKey[]): string[] {
  const problems: string[] = [];
  for (const table of tables) {
    if (!tableSpec(table) && !(table in NOT_EXPORTED)) {
      problems.push(`table "${table}" is neither exported nor excluded`);
    }
  }
  for (const fk of foreignKeys) {
    const spec = tableSpec(fk.table);
    if (!spec) continue;
    const target =
      spec.refs[fk.column] ?? spec.deferred?.[fk.column] ?? spec.arrayRefs?.[fk.column];
    if (target !== fk.refTable) {
      problems.push(
        `${fk.table}.${fk.column} refers to ${fk.refTable} but is not remapped on import`,
      );
    }
  }
  return problems;
}
