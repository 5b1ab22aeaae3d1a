import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each user's status (`POST /users/me/status`): a short text, an emoji (Unicode, realm or Zulip
 * extra, as reactions name them) and the legacy `away` flag. No row means no status.
 */
export class UserStatus1765100000001 implements MigrationInterface {
  name = 'UserStatus1765100000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE user_status (
        user_id integer PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
        status_text text NOT NULL DEFAULT '',
        away boolean NOT NULL DEFAULT false,
        emoji_name text NOT NULL DEFAULT '',
        emoji_code text NOT NULL DEFAULT '',
        reaction_type text NOT NULL DEFAULT 'unicode_emoji',
        updated_at timestamptz NOT NULL DEFAULT now()
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE IF EXISTS user_status');
  }
}
