import { Injectable } from '@nestjs/common';
import { Database } from '../database/database.service';
import type { ReactionType } from '@hub/api/message.types';

@Injectable()
export class ReactionsRepository {
  constructor(private readonly db: Database) {}

  /** Adds the reaction; false when the user already reacted with that emoji. */
  async add(
    messageId: number,
    userId: number,
    emoji: { name: string; code: string; type: ReactionType },
  ): Promise<boolean> {
    const rows = await this.db.rows(
      `INSERT INTO reactions (message_id, user_id, emoji_name, emoji_code, reaction_type)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING id`,
      [messageId, userId, emoji.name, emoji.code, emoji.type],
    );
    return rows.length > 0;
  }

  /** Removes the user's reaction matching by code (and type), or by name when no code is known. */
  async remove(
    messageId: number,
    userId: number,
    match: { code?: string; name?: string; type: ReactionType },
  ): Promise<{ emoji_name: string; emoji_code: string } | undefined> {
    return this.db.one(
      `DELETE FROM reactions WHERE id = (SELECT id FROM reactions
         WHERE message_id = $1 AND user_id = $2 AND reaction_type = $3
           AND ($4::text IS NULL OR emoji_code = $4) AND ($5::text IS NULL OR emoji_name = $5)
         LIMIT 1)
       RETURNING emoji_name, emoji_code`,
      [messageId, userId, match.type, match.code ?? null, match.name ?? null],
    );
  }

  realmEmoji(realmId: number, key: { name?: string; id?: number }) {
    return this.db.one<{ id: number; name: string; deactivated: boolean }>(
      `SELECT id, name, deactivated FROM realm_emoji WHERE realm_id = $1
         AND ($2::text IS NULL OR name = $2) AND ($3::int IS NULL OR id = $3)
       ORDER BY deactivated, id DESC LIMIT 1`,
      [realmId, key.name ?? null, key.id ?? null],
    );
  }
}
