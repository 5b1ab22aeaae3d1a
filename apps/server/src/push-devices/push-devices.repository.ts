import { Injectable } from '@nestjs/common';
import { Database } from '../database/database.service';

export const PushKind = { apns: 1, fcm: 2 } as const;
export type PushKind = (typeof PushKind)[keyof typeof PushKind];

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
}
