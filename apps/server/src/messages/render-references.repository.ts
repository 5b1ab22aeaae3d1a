import { Injectable } from '@nestjs/common';
import { Database } from '../database/database.service';

/** The rows a message's Markdown may refer to, fetched by name in one query each. */
@Injectable()
export class RenderReferencesRepository {
  constructor(private readonly db: Database) {}

  users(realmId: number, names: string[], ids: number[]) {
    return this.db.rows<{ id: number; full_name: string }>(
      `SELECT id, full_name FROM users WHERE realm_id = $1 AND is_active
         AND (lower(full_name) = ANY($2::text[]) OR id = ANY($3::int[]))`,
      [realmId, names.map((n) => n.toLowerCase()), ids],
    );
  }

  /** Groups a mention may name: role groups (`role:everyone` ...) cannot be mentioned. */
  groups(realmId: number, names: string[]) {
    return this.db.rows<{ id: number; name: string }>(
      `SELECT id, name FROM user_groups
       WHERE realm_id = $1 AND name = ANY($2::text[]) AND NOT is_system_group`,
      [realmId, names],
    );
  }

  /** Streams the sender may link to: public ones, and private ones they are subscribed to. */
  streams(realmId: number, senderId: number, names: string[]) {
    return this.db.rows<{ id: number; name: string }>(
      `SELECT s.id, s.name FROM streams s WHERE s.realm_id = $1 AND NOT s.deactivated
         AND lower(s.name) = ANY($3::text[])
         AND (NOT s.invite_only OR EXISTS (SELECT 1 FROM subscriptions x
           WHERE x.stream_id = s.id AND x.user_id = $2 AND x.active))`,
      [realmId, senderId, names.map((n) => n.toLowerCase())],
    );
  }

  emoji(realmId: number, names: string[]) {
    return this.db.rows<{ id: number; name: string; file_name: string }>(
      `SELECT id, name, file_name FROM realm_emoji
       WHERE realm_id = $1 AND NOT deactivated AND name = ANY($2::text[])`,
      [realmId, names],
    );
  }
}
