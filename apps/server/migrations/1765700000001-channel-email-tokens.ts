import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The incoming email gateway: each channel's secret token, the part of its email address that
 * says which channel an email is for (Zulip's `Stream.email_token`). Made on first request and
 * kept, so an address once handed out keeps working across restarts.
 */
export class ChannelEmailTokens1765700000001 implements MigrationInterface {
  name = 'ChannelEmailTokens1765700000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE channel_email_tokens (
        stream_id integer PRIMARY KEY REFERENCES streams(id) ON DELETE CASCADE,
        token text NOT NULL UNIQUE CHECK (token ~ '^[0-9a-f]{32}$'),
        created_at timestamptz NOT NULL DEFAULT now()
      )
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS channel_email_tokens`);
  }
}
