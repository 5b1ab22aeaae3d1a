import { Injectable } from '@nestjs/common';
import { Database } from '../database/database.service';
import type { WebSession } from '../identity/web-session.types';

@Injectable()
export class SessionsRepository {
  constructor(private readonly db: Database) {}

  async create(row: Omit<WebSession, 'created_at' | 'last_seen_at'>): Promise<void> {
    await this.db.execute(
      `INSERT INTO web_sessions (token_hash, user_id, realm_id, csrf_token, expires_at, ip, user_agent)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        row.token_hash,
        row.user_id,
        row.realm_id,
        row.csrf_token,
        row.expires_at,
        row.ip,
        row.user_agent,
      ],
    );
  }

  /** The live (unexpired) session with this token hash. */
  find(tokenHash: string): Promise<WebSession | undefined> {
    return this.db.one<WebSession>(
      'SELECT * FROM web_sessions WHERE token_hash = $1 AND expires_at > now()',
      [tokenHash],
    );
  }

  async extend(tokenHash: string, expiresAt: Date): Promise<void> {
    await this.db.execute(
      'UPDATE web_sessions SET last_seen_at = now(), expires_at = $2 WHERE token_hash = $1',
      [tokenHash, expiresAt],
    );
  }

  async delete(tokenHash: string): Promise<void> {
    await this.db.execute('DELETE FROM web_sessions WHERE token_hash = $1', [tokenHash]);
  }

  /** Ends every session of a user, except (optionally) the one making the change. */
  async deleteForUser(userId: number, exceptTokenHash?: string): Promise<number> {
    return this.db.execute('DELETE FROM web_sessions WHERE user_id = $1 AND token_hash <> $2', [
      userId,
      exceptTokenHash ?? '',
    ]);
  }

  async deleteExpired(): Promise<number> {
    return this.db.execute('DELETE FROM web_sessions WHERE expires_at <= now()');
  }
}
