import { Injectable } from '@nestjs/common';
import { Database } from '../../database/database.service';

/** A row of `user_status`. */
export interface UserStatusRow {
  user_id: number;
  status_text: string;
  away: boolean;
  emoji_name: string;
  emoji_code: string;
  reaction_type: string;
}

export type UserStatusChanges = Partial<Omit<UserStatusRow, 'user_id'>>;

@Injectable()
export class UserStatusRepository {
  constructor(private readonly db: Database) {}

  find(userId: number): Promise<UserStatusRow | undefined> {
    return this.db.one<UserStatusRow>(
      `SELECT user_id, status_text, away, emoji_name, emoji_code, reaction_type
       FROM user_status WHERE user_id = $1`,
      [userId],
    );
  }

  /** The statuses of the realm's active users that say anything. */
  realmStatuses(realmId: number): Promise<UserStatusRow[]> {
    return this.db.rows<UserStatusRow>(
      `SELECT s.user_id, s.status_text, s.away, s.emoji_name, s.emoji_code, s.reaction_type
       FROM user_status s JOIN users u ON u.id = s.user_id
       WHERE u.realm_id = $1 AND u.is_active
         AND (s.away OR s.status_text <> '' OR s.emoji_name <> '')
       ORDER BY s.user_id`,
      [realmId],
    );
  }

  /** Sets the given fields, leaving the others as they were (or at their defaults). */
  async save(userId: number, changes: UserStatusChanges): Promise<void> {
    await this.db.execute(
      `INSERT INTO user_status AS s (user_id, status_text, away, emoji_name, emoji_code,
         reaction_type)
       VALUES ($1, COALESCE($2, ''), COALESCE($3, false), COALESCE($4, ''), COALESCE($5, ''),
         COALESCE($6, 'unicode_emoji'))
       ON CONFLICT (user_id) DO UPDATE SET
         status_text = COALESCE($2, s.status_text),
         away = COALESCE($3, s.away),
         emoji_name = COALESCE($4, s.emoji_name),
         emoji_code = COALESCE($5, s.emoji_code),
         reaction_type = COALESCE($6, s.reaction_type),
         updated_at = now()`,
      [
        userId,
        changes.status_text ?? null,
        changes.away ?? null,
        changes.emoji_name ?? null,
        changes.emoji_code ?? null,
        changes.reaction_type ?? null,
      ],
    );
  }
}
