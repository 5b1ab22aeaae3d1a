import { Injectable } from '@nestjs/common';
import { Database } from '../database/database.service';
import { MessageFlag } from './flags';

@Injectable()
export class ReadReceiptsRepository {
  constructor(private readonly db: Database) {}

  /**
   * Who has read message `messageId`, as read receipts may show them to `askerId`: active users
   * who marked it read and share read receipts, never its sender, and (as Zulip) nobody the asker
   * muted or who muted the asker.
   */
  async readers(messageId: number, senderId: number, askerId: number): Promise<number[]> {
    const rows = await this.db.rows<{ user_id: number }>(
      `SELECT um.user_id FROM user_messages um JOIN users u ON u.id = um.user_id
       WHERE um.message_id = $1 AND (um.flags & ${MessageFlag.read}) <> 0
         AND um.user_id <> $2 AND u.is_active AND u.send_read_receipts
         AND NOT EXISTS (
           SELECT 1 FROM muted_users mu
           WHERE (mu.user_id = $3 AND mu.muted_user_id = um.user_id)
              OR (mu.user_id = um.user_id AND mu.muted_user_id = $3))
       ORDER BY um.user_id`,
      [messageId, senderId, askerId],
    );
    return rows.map((r) => r.user_id);
  }
}
