import { Injectable } from '@nestjs/common';
import { Database } from '../database/database.service';
import { Role } from '../identity/user.types';
import { sharesWithSql } from '../identity/user-access-sql';

/** Who receives events: the one place that answers "who is in the realm / on the stream". */
@Injectable()
export class AudienceRepository {
  constructor(private readonly db: Database) {}

  async activeUserIds(realmId: number): Promise<number[]> {
    const rows = await this.db.rows<{ id: number }>(
      'SELECT id FROM users WHERE realm_id = $1 AND is_active',
      [realmId],
    );
    return rows.map((r) => r.id);
  }

  /**
   * The realm's active users who may see user `subjectId`: everyone, except that where the realm
   * limits guests (`can_access_all_users_group` = role:members) a guest must share something
   * with them.
   */
  async activeUserIdsSeeing(realmId: number, subjectId: number): Promise<number[]> {
    const rows = await this.db.rows<{ id: number }>(
      `SELECT u.id FROM users u JOIN realms r ON r.id = u.realm_id
        WHERE u.realm_id = $1 AND u.is_active
          AND (u.role <> $3 OR r.can_access_all_users_group = 'role:everyone'
               OR ${sharesWithSql('u.id', '$2::int', '$1')})`,
      [realmId, subjectId, Role.Guest],
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

  /** A stream's active subscribers who are active users, by id. */
  async subscriberIds(streamId: number): Promise<number[]> {
    const rows = await this.db.rows<{ user_id: number }>(
      `SELECT sub.user_id FROM subscriptions sub JOIN users u ON u.id = sub.user_id
       WHERE sub.stream_id = $1 AND sub.active AND u.is_active ORDER BY sub.user_id`,
      [streamId],
    );
    return rows.map((r) => r.user_id);
  }
}
