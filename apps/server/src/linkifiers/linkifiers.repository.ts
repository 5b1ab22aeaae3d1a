import { Injectable } from '@nestjs/common';
import { Database } from '../database/database.service';
import { LookupCaches } from '../database/lookup-caches';
import type { RealmFilter } from './linkifier.types';

const LINKIFIERS_BY_REALM = 'linkifiers-by-realm';

@Injectable()
export class LinkifiersRepository {
  constructor(
    private readonly db: Database,
    private readonly caches: LookupCaches,
  ) {}

  /** A realm's linkifiers in order; every message rendering reads them, so they are cached. */
  async list(realmId: number): Promise<RealmFilter[]> {
    const load = () =>
      this.db.rows<RealmFilter>(
        'SELECT * FROM realm_filters WHERE realm_id = $1 ORDER BY "order", id',
        [realmId],
      );
    return (await this.caches.get(LINKIFIERS_BY_REALM, String(realmId), load)) ?? [];
  }

  async create(realmId: number, pattern: string, urlTemplate: string): Promise<RealmFilter> {
    const rows = await this.db.rows<RealmFilter>(
      `INSERT INTO realm_filters (realm_id, pattern, url_template, "order")
       VALUES ($1, $2, $3,
         (SELECT coalesce(max("order") + 1, 0) FROM realm_filters WHERE realm_id = $1))
       RETURNING *`,
      [realmId, pattern, urlTemplate],
    );
    await this.caches.invalidate(LINKIFIERS_BY_REALM);
    return rows[0];
  }

  /** Returns whether the linkifier existed in the realm. */
  async update(realmId: number, id: number, pattern: string, urlTemplate: string) {
    const n = await this.db.execute(
      'UPDATE realm_filters SET pattern = $3, url_template = $4 WHERE realm_id = $1 AND id = $2',
      [realmId, id, pattern, urlTemplate],
    );
    if (n > 0) await this.caches.invalidate(LINKIFIERS_BY_REALM);
    return n > 0;
  }

  async remove(realmId: number, id: number): Promise<boolean> {
    const n = await this.db.execute('DELETE FROM realm_filters WHERE realm_id = $1 AND id = $2', [
      realmId,
      id,
    ]);
    if (n > 0) await this.caches.invalidate(LINKIFIERS_BY_REALM);
    return n > 0;
  }

  async exists(realmId: number, pattern: string, excludeId: number | null): Promise<boolean> {
    const row = await this.db.one(
      'SELECT 1 FROM realm_filters WHERE realm_id = $1 AND pattern = $2 AND id <> coalesce($3, 0)',
      [realmId, pattern, excludeId],
    );
    return row !== undefined;
  }

  /** Numbers the realm's linkifiers in the order of `ids`. */
  async reorder(realmId: number, ids: number[]): Promise<void> {
    await this.db.execute(
      `UPDATE realm_filters f SET "order" = o.n
       FROM unnest($2::int[]) WITH ORDINALITY AS o(id, n)
       WHERE f.realm_id = $1 AND f.id = o.id`,
      [realmId, ids],
    );
    await this.caches.invalidate(LINKIFIERS_BY_REALM);
  }
}
