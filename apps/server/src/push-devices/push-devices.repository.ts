import { Injectable } from '@nestjs/common';
import { Database } from '../database/database.service';

export const PushKind = { apns: 1, fcm: 2 } as const;
export type PushKind = (typeof PushKind)[keyof typeof PushKind];

/** A registered device. */
export interface PushDevice {
  kind: PushKind;
  token: string;
  ios_app_id: string | null;
}

@Injectable()
export class PushDevicesRepository {
  constructor(private readonly db: Database) {}

  /** Registers the device, or refreshes it when it is already registered. */
  async upsert(userId: number, kind: PushKind, token: string, iosAppId: string | null) {
    await this.db.execute(
      `INSERT INTO push_device_tokens (user_id, kind, token, ios_app_id) VALUES ($1, $2, $3, $4)
       ON CONFLICT (user_id, kind, token)
       DO UPDATE SET ios_app_id = EXCLUDED.ios_app_id, last_updated = now()`,
      [userId, kind, token, iosAppId],
    );
  }

  /** Returns whether the user had registered this device. */
  async remove(userId: number, kind: PushKind, token: string): Promise<boolean> {
    const n = await this.db.execute(
      'DELETE FROM push_device_tokens WHERE user_id = $1 AND kind = $2 AND token = $3',
      [userId, kind, token],
    );
    return n > 0;
  }

  /** Forgets every device of the user. */
  async removeAllOf(userId: number): Promise<void> {
    await this.db.execute('DELETE FROM push_device_tokens WHERE user_id = $1', [userId]);
  }

  /** The user's devices (oldest first), or only the one with this token. */
  devicesOf(userId: number, token?: string): Promise<PushDevice[]> {
    return this.db.rows<PushDevice>(
      `SELECT kind, token, ios_app_id FROM push_device_tokens
       WHERE user_id = $1 AND ($2::text IS NULL OR token = $2) ORDER BY id`,
      [userId, token ?? null],
    );
  }

  /** Which of these users have registered at least one device. */
  async usersWithDevices(userIds: number[]): Promise<Set<number>> {
    const rows = await this.db.rows<{ user_id: number }>(
      'SELECT DISTINCT user_id FROM push_device_tokens WHERE user_id = ANY($1::int[])',
      [userIds],
    );
    return new Set(rows.map((r) => r.user_id));
  }

  /** Forgets devices the push service says are gone (uninstalled apps). */
  async removeTokens(kind: PushKind, tokens: string[]): Promise<void> {
    if (tokens.length === 0) return;
    await this.db.execute(
      'DELETE FROM push_device_tokens WHERE kind = $1 AND token = ANY($2::text[])',
      [kind, tokens],
    );
  }
}
