import { Injectable } from '@nestjs/common';
import { Database } from '../database/database.service';
import type { RealmFilter } from './linkifier.types';

@Injectable()
export class LinkifiersRepository {
  constructor(private readonly db: Database) {}

  list(realmId: number): Promise<RealmFilter[]> {
    return this.db.rows<RealmFilter>(
      'SELECT * FROM realm_filters WHERE realm_id = $1 ORDER BY "order", id',
      [realmId],
    );
  }

  async create(realmId: number, pattern: string, urlTemplate: string): Promise<RealmFilter> {
    const rows = await this.db.rows<RealmFilter>(
      `INSERT INTO realm_filters (realm_id, pattern, url_template, "order")
       VALUES ($1, $2, $3,
         (SELECT coalesce(max("order") + 1, 0) FROM realm_filters WHERE realm_id = $1))
       RETURNING *`,
      [realmId, pattern, urlTemplate],
    );
    return rows[0];
  }

  /** Returns whether the linkifier existed in the realm. */
  async update(realmId: number, id: number, pattern: string, urlTemplate: string) {
    const n = await this.db.execute(
      'UPDATE realm_filters SET pattern = $3, url_template = $4 WHERE realm_id = $1 AND id = $2',
      [realmId, id, pattern, urlTemplate],
    );
    return n > 0;
  }

  async remove(realmId: number, id: number): Promise<boolean> {
    const n = await this.db.execute('DELETE FROM realm_filters WHERE realm_id = $1 AND id = $2', [
      realmId,
      id,
    ]);
    return n > 0;
  }

  async exists(realmId: number, pattern: string, excludeId: number | null): Promise<boolean> {
    const row = await this.db.one(
      'SELECT 1 FROM realm_filters WHERE realm_id = $1 AND pattern = $2 AND id <> coalesce($3, 0)',
      [realmId, pattern, excludeId],
    );
    return row !== undefined;
  }
}
