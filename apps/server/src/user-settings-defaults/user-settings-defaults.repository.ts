import { Injectable } from '@nestjs/common';
import { Database } from '../database/database.service';

/** The SQL of the settings a realm gives its new users. */
@Injectable()
export class UserSettingsDefaultsRepository {
  constructor(private readonly db: Database) {}

  async get(realmId: number): Promise<Record<string, unknown>> {
    const row = await this.db.one<{ settings: Record<string, unknown> }>(
      'SELECT settings FROM realm_user_defaults WHERE realm_id = $1',
      [realmId],
    );
    return row?.settings ?? {};
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
    return before?.settings ?? {};
  }
}
