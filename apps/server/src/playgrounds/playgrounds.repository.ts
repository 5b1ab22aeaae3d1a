import { Injectable } from '@nestjs/common';
import type { RealmPlayground } from '@hub/api/playground.types';
import { Database } from '../database/database.service';

/** The SQL of a realm's code playgrounds. */
@Injectable()
export class PlaygroundsRepository {
  constructor(private readonly db: Database) {}

  list(realmId: number): Promise<RealmPlayground[]> {
    return this.db.rows<RealmPlayground>(
      `SELECT id, name, pygments_language, url_template FROM realm_playgrounds
       WHERE realm_id = $1 ORDER BY id`,
      [realmId],
    );
  }

  /** The new playground's id, or undefined when the realm has one of that name and language. */
  async create(realmId: number, p: Omit<RealmPlayground, 'id'>): Promise<number | undefined> {
    const row = await this.db.one<{ id: number }>(
      `INSERT INTO realm_playgrounds (realm_id, name, pygments_language, url_template)
       VALUES ($1, $2, $3, $4)
       ON CONFLICT (realm_id, pygments_language, name) DO NOTHING
       RETURNING id`,
      [realmId, p.name, p.pygments_language, p.url_template],
    );
    return row?.id;
  }

  async delete(realmId: number, id: number): Promise<boolean> {
    const n = await this.db.execute(
      'DELETE FROM realm_playgrounds WHERE realm_id = $1 AND id = $2',
      [realmId, id],
    );
    return n > 0;
  }
}
