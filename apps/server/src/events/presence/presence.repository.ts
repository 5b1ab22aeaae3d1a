import { Injectable } from '@nestjs/common';
import { Database } from '../../database/database.service';

export interface PresenceRow {
  user_id: number;
  email: string;
  status: string;
  client: string;
  last_active_time: Date | null;
  last_connected_time: Date;
}

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

/** SQL for validating typing notifications' recipients, and the presence table itself. */
@Injectable()
export class PresenceRepository {
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

  /** Presence of the realm's active users. */
  realmPresence(realmId: number): Promise<PresenceRow[]> {
    return this.db.rows<PresenceRow>(
      `SELECT p.user_id, u.email, p.status, p.client, p.last_active_time, p.last_connected_time
       FROM user_presence p JOIN users u ON u.id = p.user_id
       WHERE u.realm_id = $1 AND u.is_active`,
      [realmId],
    );
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
