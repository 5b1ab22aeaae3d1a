import { Injectable } from '@nestjs/common';
import { sharesWithSql } from './user-access-sql';
import { Database } from '../database/database.service';
import { LookupCaches, SERVICE_BOTS_BY_REALM } from '../database/lookup-caches';
import { generateApiKey } from './api-key';
import { BotType, LISTED_USER_COLUMNS, ListedUser, Role, User } from './user.types';

export interface NewUser {
  realm_id: number;
  email: string;
  full_name: string;
  role?: Role;
  password_hash?: string | null;
  is_bot?: boolean;
  bot_type?: BotType | null;
  bot_owner_id?: number | null;
  is_mirror_dummy?: boolean;
  is_active?: boolean;
  timezone?: string;
}

/**
 * One lookup cache for user rows, so one invalidation drops every cached copy: the user for an API
 * key (read by every authenticated request), and a realm's user list (read by every register and
 * `GET /users`; 10,000 rows take longer to parse than the rest of a register's queries).
 */
const USERS = 'users';
const byApiKey = (apiKey: string) => `key:${apiKey}`;
const realmList = (realmId: number, includeInactive: boolean) =>
  `realm:${realmId}:${includeInactive ? 'all' : 'active'}`;

@Injectable()
export class UsersRepository {
  constructor(
    private readonly db: Database,
    private readonly caches: LookupCaches,
  ) {}

  findById(id: number): Promise<User | undefined> {
    return this.db.one<User>('SELECT * FROM users WHERE id = $1', [id]);
  }

  findInRealm(realmId: number, id: number): Promise<User | undefined> {
    return this.db.one<User>('SELECT * FROM users WHERE id = $1 AND realm_id = $2', [id, realmId]);
  }

  findByEmail(realmId: number, email: string): Promise<User | undefined> {
    return this.db.one<User>(
      'SELECT * FROM users WHERE realm_id = $1 AND lower(email) = lower($2)',
      [realmId, email],
    );
  }

  /** Every authenticated request reads this: served from a cache kept coherent by LookupCaches. */
  findByApiKey(apiKey: string): Promise<User | undefined> {
    const load = () => this.db.one<User>('SELECT * FROM users WHERE api_key = $1', [apiKey]);
    return this.caches.get(USERS, byApiKey(apiKey), load);
  }

  /** The cached user for `apiKey` (read-only), or undefined when it would have to be read. */
  cachedByApiKey(apiKey: string): Readonly<User> | undefined {
    return this.caches.peek<User>(USERS, byApiKey(apiKey));
  }

  findManyByIds(realmId: number, ids: number[]): Promise<User[]> {
    return this.db.rows<User>('SELECT * FROM users WHERE realm_id = $1 AND id = ANY($2::int[])', [
      realmId,
      ids,
    ]);
  }

  findManyByEmails(realmId: number, emails: string[]): Promise<User[]> {
    return this.db.rows<User>(
      'SELECT * FROM users WHERE realm_id = $1 AND lower(email) = ANY($2::text[])',
      [realmId, emails.map((e) => e.toLowerCase())],
    );
  }

  /** The realm's users, by id: shared cached rows, which callers must not change. */
  listInRealm(realmId: number, options: { includeInactive?: boolean } = {}): Promise<ListedUser[]> {
    const includeInactive = options.includeInactive ?? false;
    const load = () =>
      this.db.rows<ListedUser>(
        `SELECT ${LISTED_USER_COLUMNS.join(', ')} FROM users
         WHERE realm_id = $1 ${includeInactive ? '' : 'AND is_active'} ORDER BY id`,
        [realmId],
      );
    return this.caches
      .get(USERS, realmList(realmId, includeInactive), load)
      .then((users) => users ?? []);
  }

  /** The users of the realm `userId` shares something with (`sharesWithSql`), themselves included. */
  async sharingWith(realmId: number, userId: number): Promise<number[]> {
    const rows = await this.db.rows<{ id: number }>(
      `SELECT u.id FROM users u WHERE u.realm_id = $1 AND ${sharesWithSql('u.id', '$2::int', '$1')}`,
      [realmId, userId],
    );
    return rows.map((r) => r.id);
  }

  countActiveOwners(realmId: number): Promise<number> {
    return this.db
      .one<{ n: number }>(
        `SELECT count(*)::int AS n FROM users WHERE realm_id = $1 AND role = $2 AND is_active AND NOT is_bot`,
        [realmId, Role.Owner],
      )
      .then((r) => r?.n ?? 0);
  }

  async create(u: NewUser): Promise<User> {
    const rows = await this.db.rows<User>(
      `INSERT INTO users (realm_id, email, delivery_email, full_name, role, password_hash, is_bot,
         bot_type, bot_owner_id, is_mirror_dummy, is_active, api_key, timezone)
       VALUES ($1, $2, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING *`,
      [
        u.realm_id,
        u.email,
        u.full_name,
        u.role ?? Role.Member,
        u.password_hash ?? null,
        u.is_bot ?? false,
        u.bot_type ?? null,
        u.bot_owner_id ?? null,
        u.is_mirror_dummy ?? false,
        u.is_active ?? true,
        generateApiKey(),
        u.timezone ?? '',
      ],
    );
    await this.forgetCachedUsers();
    return rows[0];
  }

  async update(
    id: number,
    changes: Partial<
      Pick<
        User,
        | 'full_name'
        | 'role'
        | 'email'
        | 'delivery_email'
        | 'password_hash'
        | 'is_active'
        | 'is_api_super_user'
        | 'is_mirror_dummy'
        | 'timezone'
        | 'twenty_four_hour_time'
        | 'color_scheme'
        | 'api_key'
        | 'bot_owner_id'
        | 'last_login'
        | 'default_sending_stream_id'
        | 'default_events_register_stream_id'
        | 'default_all_public_streams'
        | 'send_read_receipts'
        | 'allow_private_data_export'
        | 'avatar_source'
        | 'avatar_version'
      >
    >,
  ): Promise<User> {
    const entries = Object.entries(changes);
    if (entries.length === 0) return (await this.findById(id)) as User;
    // Column names come from the Pick<> above, never from a request.
    const sets = entries.map(([column], i) => `${column} = $${i + 2}`).join(', ');
    const rows = await this.db.rows<User>(`UPDATE users SET ${sets} WHERE id = $1 RETURNING *`, [
      id,
      ...entries.map(([, value]) => value),
    ]);
    await this.forgetCachedUsers();
    // A bot (de)activated joins or leaves its realm's service bots.
    if (rows[0]?.is_bot) await this.caches.invalidate(SERVICE_BOTS_BY_REALM);
    return rows[0];
  }

  /** Stores changed personal settings (the `settings` column) beside those already stored. */
  async mergeSettings(id: number, changes: Record<string, string | boolean | number>) {
    if (Object.keys(changes).length === 0) return;
    await this.db.execute('UPDATE users SET settings = settings || $2::jsonb WHERE id = $1', [
      id,
      JSON.stringify(changes),
    ]);
    await this.forgetCachedUsers();
  }

  /** Deactivates every active bot `ownerId` owns; returns them. */
  async deactivateBotsOwnedBy(ownerId: number): Promise<User[]> {
    const bots = await this.db.rows<User>(
      `UPDATE users SET is_active = false WHERE bot_owner_id = $1 AND is_bot AND is_active
       RETURNING *`,
      [ownerId],
    );
    if (bots.length > 0) {
      await this.forgetCachedUsers();
      await this.caches.invalidate(SERVICE_BOTS_BY_REALM);
    }
    return bots;
  }

  /**
   * Cached credentials and user lists must not outlive a change to a user (key, role, name,
   * active flag...) or a new one. Public for rows written behind the server's back (tests, the
   * realm benchmark).
   */
  forgetCachedUsers(): Promise<void> {
    return this.caches.invalidate(USERS);
  }

  /** The newest message id `userId` has received, or -1 (Zulip's deprecated `max_message_id`). */
  async maxMessageId(userId: number): Promise<number> {
    const row = await this.db.one<{ max: number | null }>(
      'SELECT max(message_id) AS max FROM user_messages WHERE user_id = $1',
      [userId],
    );
    return row?.max ?? -1;
  }
}
