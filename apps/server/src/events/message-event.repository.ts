import { Injectable } from '@nestjs/common';
import { Database } from '../database/database.service';
import type { MessageUserRow } from '../messages/message.types';

/** The little extra a message event needs beyond what the messages module hands over. */
@Injectable()
export class MessageEventRepository {
  constructor(private readonly db: Database) {}

  users(ids: number[]): Promise<MessageUserRow[]> {
    return this.db.rows<MessageUserRow>(
      `SELECT id, email, full_name, is_mirror_dummy, avatar_source, avatar_version, delivery_email
       FROM users WHERE id = ANY($1::int[])`,
      [ids],
    );
  }
}
