import { Injectable } from '@nestjs/common';
import { Database } from '../database/database.service';
import { LookupCaches } from '../database/lookup-caches';

const DEFAULTS_BY_REALM = 'user-settings-defaults-by-realm';

/** The SQL of the settings a realm gives its new users. */
@Injectable()
export class UserSettingsDefaultsRepository {
  constructor(
    private readonly db: Database,
    private readonly caches: LookupCaches,
  ) {}

  /**
   * Cached: the missed-message notifier reads them for every batch of sends, and registering
   * users too. A realm without a row caches as `{}`.
   */
  async get(realmId: number): Promise<Record<string, unknown>> {
    const load = async () => {
      const row = await this.db.one<{ settings: Record<string, unknown> }>(
        'SELECT settings FROM realm_user_defaults WHERE realm_id = $1',
        [realmId],
      );
      return { settings: row?.settings ?? {} };
    };
    return (await this.caches.get(DEFAULTS_BY_REALM, String(realmId), load))?.settings ?? {};
  }

  /** Merges `changes` into what is stored; answers the settings as they were before. */
  async merge(realmId: number, changes: Record<string, unknown>): Promise<Record<string, unknown>> {
    const before = await this.db.one<{ settings: Record<string, unknown> }>(
      'SELECT settings FROM realm_user_defaults WHERE realm_id = $1 FOR UPDATE',
      [realmId],
    );
    await this.db.execute(
      `INSERT INTO realm_user_defaults (realm_id, settings) VALUES ($1, $2::jsonb)
       ON CONFLICT (realm_id) DO UPDATE SET settings = realm_user_defaults.settings || EXCLUDED.settings`,
      [realmId, JSON.stringify(changes)],
    );
    await this.caches.invalidate(DEFAULTS_BY_REALM);
    return before?.settings ?? {};
  }
}
