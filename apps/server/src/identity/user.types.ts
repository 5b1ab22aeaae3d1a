/** Zulip's role values. Lower is more powerful. */
export enum Role {
  Owner = 100,
  Administrator = 200,
  Moderator = 300,
  Member = 400,
  Guest = 600,
}

export const ROLE_NAMES: Record<string, Role> = {
  owner: Role.Owner,
  admin: Role.Administrator,
  administrator: Role.Administrator,
  moderator: Role.Moderator,
  member: Role.Member,
  guest: Role.Guest,
};

/** Zulip's bot type values. */
export enum BotType {
  Generic = 1,
  IncomingWebhook = 2,
  OutgoingWebhook = 3,
  Embedded = 4,
}

export interface User {
  id: number;
  realm_id: number;
  email: string;
  delivery_email: string;
  full_name: string;
  role: Role;
  is_bot: boolean;
  bot_type: BotType | null;
  bot_owner_id: number | null;
  is_api_super_user: boolean;
  is_mirror_dummy: boolean;
  is_active: boolean;
  api_key: string;
  password_hash: string | null;
  timezone: string;
  /** Display settings (Zulip's `user_settings`). */
  twenty_four_hour_time: boolean;
  /** 1 automatic, 2 dark, 3 light. */
  color_scheme: number;
  avatar_source: string;
  avatar_version: number;
  date_joined: Date;
  last_login: Date | null;
  default_sending_stream_id: number | null;
  default_events_register_stream_id: number | null;
  default_all_public_streams: boolean;
  /** Whether others may see that this user read a message (read receipts). */
  send_read_receipts: boolean;
  /** Whether realm exports may carry this user's direct and private-stream messages. */
  allow_private_data_export: boolean;
  /** Personal settings without a column of their own (notification settings), as changed. */
  settings: Record<string, string | boolean | number>;
}

/**
 * The columns a list of the realm's users needs (register's `realm_users` and `realm_bots`,
 * `GET /users`, `manage list-users`): without password hashes, settings and the like, which a
 * 10,000-user realm would otherwise read and parse on every register.
 */
export const LISTED_USER_COLUMNS = [
  'id',
  'realm_id',
  'email',
  'delivery_email',
  'full_name',
  'role',
  'is_bot',
  'bot_type',
  'bot_owner_id',
  'is_api_super_user',
  'is_active',
  'api_key',
  'timezone',
  'avatar_source',
  'avatar_version',
  'date_joined',
  'default_sending_stream_id',
  'default_events_register_stream_id',
  'default_all_public_streams',
] as const satisfies ReadonlyArray<keyof User>;

export type ListedUser = Pick<User, (typeof LISTED_USER_COLUMNS)[number]>;

export function isAdmin(user: Pick<User, 'role'>): boolean {
  return user.role <= Role.Administrator;
}

export function isOwner(user: Pick<User, 'role'>): boolean {
  return user.role === Role.Owner;
}
