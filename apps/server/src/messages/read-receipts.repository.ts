import { Injectable } from '@nestjs/common';
import { Database } from '../database/database.service';
import { MessageFlag } from './flags';

@Injectable()
export class ReadReceiptsRepository {
  constructor(private readonly db: Database) {}

  /**
   * Who has read message `messageId`, as read receipts may show it: active users who marked it
   * read and share read receipts, never its sender.
   */
  async readers(messageId: number, senderId: number): Promise<number[]> {
    const rows = await this.db.rows<{ user_id: number }>(
      `SELECT um.user_id FROM user_messages um JOIN users u ON u.id = um.user_id
       WHERE um.message_id = $1 AND (um.flags & ${MessageFlag.read}) <> 0
         AND um.user_id <> $2 AND u.is_active AND u.send_read_receipts
       ORDER BY um.user_id`,
      [messageId, senderId],
    );
    return rows.map((r) => r.user_id);
  }
}
