import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Web sessions, kept server-side: the browser holds only a random token, the table its SHA-256
 * (a copied table opens no session). Each session belongs to one user and one realm.
 */
export class WebSessions1764500000000 implements MigrationInterface {
  name = 'WebSessions1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE web_sessions (
        token_hash text PRIMARY KEY,
        user_id integer NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        realm_id integer NOT NULL REFERENCES realms(id) ON DELETE CASCADE,
        csrf_token text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_seen_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        ip text NOT NULL DEFAULT '',
        user_agent text NOT NULL DEFAULT ''
      );
      CREATE INDEX web_sessions_user ON web_sessions (user_id);
      CREATE INDEX web_sessions_expiry ON web_sessions (expires_at);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE IF EXISTS web_sessions');
  }
}
