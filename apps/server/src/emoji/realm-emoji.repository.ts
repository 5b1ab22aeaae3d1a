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

  findActive(realmId: number, name: string): Promise<RealmEmojiRow | undefined> {
    return this.db.one<RealmEmojiRow>(
      'SELECT * FROM realm_emoji WHERE realm_id = $1 AND name = $2 AND NOT deactivated',
      [realmId, name],
    );
  }

  /** Adds an emoji; undefined when an active one of that name exists (a concurrent upload). */
  insert(
    realmId: number,
    name: string,
    fileName: string,
    authorId: number,
  ): Promise<RealmEmojiRow | undefined> {
    return this.db.one<RealmEmojiRow>(
      `INSERT INTO realm_emoji (realm_id, name, file_name, author_id) VALUES ($1, $2, $3, $4)
       ON CONFLICT (realm_id, name) WHERE NOT deactivated DO NOTHING RETURNING *`,
      [realmId, name, fileName, authorId],
    );
  }

  async deactivate(id: number): Promise<void> {
    await this.db.execute('UPDATE realm_emoji SET deactivated = true WHERE id = $1', [id]);
  }
}
