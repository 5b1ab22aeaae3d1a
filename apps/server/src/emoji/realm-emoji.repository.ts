import { Injectable } from '@nestjs/common';
import { Database } from '../database/database.service';

/** A row of `realm_emoji`. */
export interface RealmEmojiRow {
  id: number;
  realm_id: number;
  name: string;
  file_name: string;
  author_id: number | null;
  deactivated: boolean;
}

@Injectable()
export class RealmEmojiRepository {
  constructor(private readonly db: Database) {}

  /** Active and deactivated emoji alike: old messages still show deactivated ones. */
  list(realmId: number): Promise<RealmEmojiRow[]> {
    return this.db.rows<RealmEmojiRow>(
      'SELECT * FROM realm_emoji WHERE realm_id = $1 ORDER BY id',
      [realmId],
    );
  }
}
