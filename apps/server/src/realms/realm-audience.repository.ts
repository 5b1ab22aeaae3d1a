import { Injectable } from '@nestjs/common';
import { Database } from '../database/database.service';
import { Role } from '../users/user.types';

/** Who receives realm-wide events: SQL only. */
@Injectable()
export class RealmAudienceRepository {
  constructor(private readonly db: Database) {}

  async activeUserIds(realmId: number): Promise<number[]> {
    const rows = await this.db.rows<{ id: number }>(
      'SELECT id FROM users WHERE realm_id = $1 AND is_active',
      [realmId],
    );
    return rows.map((r) => r.id);
  }

  /** Everyone who can see the realm's public streams: active users other than guests. */
  async activeNonGuestIds(realmId: number): Promise<number[]> {
    const rows = await this.db.rows<{ id: number }>(
      'SELECT id FROM users WHERE realm_id = $1 AND is_active AND role <> $2',
      [realmId, Role.Guest],
    );
    return rows.map((r) => r.id);
  }

  async activeAdminIds(realmId: number): Promise<number[]> {
    const rows = await this.db.rows<{ id: number }>(
      'SELECT id FROM users WHERE realm_id = $1 AND is_active AND NOT is_bot AND role <= $2',
      [realmId, Role.Administrator],
    );
    return rows.map((r) => r.id);
  }
}
