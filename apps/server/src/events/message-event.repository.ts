import { Injectable } from '@nestjs/common';
import { Database } from '../database/database.service';
import type { MessageUserRow } from '../messages/message.types';

export interface RealmRendering {
  string_id: string;
  linkifiers: Array<{ pattern: string; url_template: string }>;
}

/** The little extra a message event needs beyond what the messages module hands over. */
@Injectable()
export class MessageEventRepository {
  constructor(private readonly db: Database) {}

  /** The realm's name in URLs and its linkifiers (for topic links), in one statement. */
  async realmRendering(realmId: number): Promise<RealmRendering> {
    const row = await this.db.one<RealmRendering>(
      `SELECT r.string_id,
         COALESCE((SELECT json_agg(json_build_object('pattern', f.pattern, 'url_template', f.url_template)
                                   ORDER BY f."order", f.id)
                   FROM realm_filters f WHERE f.realm_id = r.id), '[]'::json) AS linkifiers
       FROM realms r WHERE r.id = $1`,
      [realmId],
    );
    return row ?? { string_id: '', linkifiers: [] };
  }

  /** The same, for the realm a user belongs to. */
  async realmRenderingOfUser(userId: number): Promise<RealmRendering> {
    const row = await this.db.one<{ realm_id: number }>(
      'SELECT realm_id FROM users WHERE id = $1',
      [userId],
    );
    return row ? this.realmRendering(row.realm_id) : { string_id: '', linkifiers: [] };
  }

  users(ids: number[]): Promise<MessageUserRow[]> {
    return this.db.rows<MessageUserRow>(
      `SELECT id, email, full_name, is_mirror_dummy, avatar_source, avatar_version, delivery_email
       FROM users WHERE id = ANY($1::int[])`,
      [ids],
    );
  }
}
