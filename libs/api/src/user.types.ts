/** A user in Zulip's `User` shape (`GET /users`, `GET /users/{id}`, `realm_user` events). */
export interface User {
  user_id: number;
  email: string;
  /** Null unless the viewer may see it (themself, or an administrator). */
  delivery_email: string | null;
  full_name: string;
  role: number;
  is_owner: boolean;
  is_admin: boolean;
  is_guest: boolean;
  is_bot: boolean;
  is_active: boolean;
  timezone: string;
  avatar_version: number;
  /** Null for Gravatar users when the client computes it (`client_gravatar`). */
  avatar_url: string | null;
  date_joined: string;
  bot_type?: number | null;
  bot_owner_id?: number | null;
  profile_data?: Record<string, unknown>;
}

/** A service of an outgoing-webhook bot, or the bundled bot an embedded bot runs. */
export type BotService =
  | { base_url: string; interface: number; token: string }
  | { service_name: string; config_data: Record<string, string> };

/** A bot as its owner and administrators see it (`realm_bots`, `realm_bot` events). */
export interface Bot {
  user_id: number;
  email: string;
  full_name: string;
  bot_type: number | null;
  is_active: boolean;
  api_key: string;
  avatar_url: string;
  default_sending_stream: string | null;
  default_events_register_stream: string | null;
  default_all_public_streams: boolean;
  owner_id: number | null;
  services: BotService[];
}
