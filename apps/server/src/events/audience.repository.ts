import { Injectable } from '@nestjs/common';
import { Database } from '../database/database.service';
import type { PresenceRow } from './initial-state.types';

export interface AudienceUser {
  id: number;
  email: string;
  is_active: boolean;
}

export interface TypingStream {
  id: number;
  invite_only: boolean;
  subscribed: boolean;
}

/** SQL for who hears typing and presence notifications, and the presence table itself. */
@Injectable()
export class AudienceRepository {
  constructor(private readonly db: Database) {}

  usersByIds(realmId: number, ids: number[]): Promise<AudienceUser[]> {
    return this.db.rows<AudienceUser>(
      'SELECT id, email, is_active FROM users WHERE realm_id = $1 AND id = ANY($2::int[])',
      [realmId, ids],
    );
  }

  usersByEmails(realmId: number, emails: string[]): Promise<AudienceUser[]> {
    return this.db.rows<AudienceUser>(
      'SELECT id, email, is_active FROM users WHERE realm_id = $1 AND lower(email) = ANY($2::text[])',
      [realmId, emails.map((e) => e.toLowerCase())],
    );
  }

  stream(realmId: number, streamId: number, userId: number): Promise<TypingStream | undefined> {
    return this.db.one<TypingStream>(
      `SELECT s.id, s.invite_only,
         EXISTS (SELECT 1 FROM subscriptions sub
                 WHERE sub.stream_id = s.id AND sub.user_id = $3 AND sub.active) AS subscribed
       FROM streams s WHERE s.realm_id = $1 AND s.id = $2 AND NOT s.deactivated`,
      [realmId, streamId, userId],
    );
  }

  async subscriberIds(streamId: number): Promise<number[]> {
    const rows = await this.db.rows<{ user_id: number }>(
      `SELECT sub.user_id FROM subscriptions sub JOIN users u ON u.id = sub.user_id
       WHERE sub.stream_id = $1 AND sub.active AND u.is_active`,
      [streamId],
    );
    return rows.map((r) => r.user_id);
  }

  async activeUserIds(realmId: number): Promise<number[]> {
    const rows = await this.db.rows<{ id: number }>(
      'SELECT id FROM users WHERE realm_id = $1 AND is_active',
      [realmId],
    );
    return rows.map((r) => r.id);
  }

  presence(userId: number): Promise<PresenceRow | undefined> {
    return this.db.one<PresenceRow>(
      `SELECT p.user_id, u.email, p.status, p.client, p.last_active_time, p.last_connected_time
       FROM user_presence p JOIN users u ON u.id = p.user_id WHERE p.user_id = $1`,
      [userId],
    );
  }

  /** Records a ping; an `active` one also moves the last-active time. Returns the stored row. */
  async savePresence(userId: number, status: 'active' | 'idle', client: string): Promise<void> {
    await this.db.execute(
      `INSERT INTO user_presence (user_id, status, client, last_active_time, last_connected_time)
       VALUES ($1, $2, $3, CASE WHEN $2 = 'active' THEN now() END, now())
       ON CONFLICT (user_id) DO UPDATE SET status = $2, client = $3, last_connected_time = now(),
         last_active_time = CASE WHEN $2 = 'active' THEN now()
                                 ELSE user_presence.last_active_time END`,
      [userId, status, client],
    );
  }
}
