import { Injectable } from '@nestjs/common';
import { Database } from '../database/database.service';
import { LookupCaches } from '../database/lookup-caches';

/** A row of `realm_emoji`. */
export interface RealmEmojiRow {
  id: number;
  realm_id: number;
  name: string;
  file_name: string;
  author_id: number | null;
  deactivated: boolean;
}

const ACTIVE_EMOJI_BY_REALM = 'active-realm-emoji-by-realm';

@Injectable()
export class RealmEmojiRepository {
  constructor(
    private readonly db: Database,
    private readonly caches: LookupCaches,
  ) {}

  /** Active and deactivated emoji alike: old messages still show deactivated ones. */
  list(realmId: number): Promise<RealmEmojiRow[]> {
    return this.db.rows<RealmEmojiRow>(
      'SELECT * FROM realm_emoji WHERE realm_id = $1 ORDER BY id',
      [realmId],
    );
  }

  /** The realm's active emoji; every message naming an emoji renders with them, so cached. */
  async listActive(realmId: number): Promise<RealmEmojiRow[]> {
    const load = () =>
      this.db.rows<RealmEmojiRow>(
        'SELECT * FROM realm_emoji WHERE realm_id = $1 AND NOT deactivated ORDER BY id',
        [realmId],
      );
    return (await this.caches.get(ACTIVE_EMOJI_BY_REALM, String(realmId), load)) ?? [];
  }

  findActive(realmId: number, name: string): Promise<RealmEmojiRow | undefined> {
    return this.db.one<RealmEmojiRow>(
      'SELECT * FROM realm_emoji WHERE realm_id = $1 AND name = $2 AND NOT deactivated',
      [realmId, name],
    );
  }

  /** Adds an emoji; undefined when an active one of that name exists (a concurrent upload). */
  async insert(
    realmId: number,
    name: string,
    fileName: string,
    authorId: number,
  ): Promise<RealmEmojiRow | undefined> {
    const row = await this.db.one<RealmEmojiRow>(
      `INSERT INTO realm_emoji (realm_id, name, file_name, author_id) VALUES ($1, $2, $3, $4)
       ON CONFLICT (realm_id, name) WHERE NOT deactivated DO NOTHING RETURNING *`,
      [realmId, name, fileName, authorId],
    );
    if (row) await this.caches.invalidate(ACTIVE_EMOJI_BY_REALM);
    return row;
  }

  async deactivate(id: number): Promise<void> {
    const n = await this.db.execute('UPDATE realm_emoji SET deactivated = true WHERE id = $1', [
      id,
    ]);
    if (n > 0) await this.caches.invalidate(ACTIVE_EMOJI_BY_REALM);
  }
}
