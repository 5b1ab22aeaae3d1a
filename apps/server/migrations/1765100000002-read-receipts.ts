import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Read receipts (`GET /messages/{id}/read_receipts`): the realm's `enable_read_receipts` and each
 * user's `send_read_receipts`, both on by default as in Zulip.
 */
export class ReadReceipts1765100000002 implements MigrationInterface {
  name = 'ReadReceipts1765100000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE realms ADD COLUMN enable_read_receipts boolean NOT NULL DEFAULT true;
      ALTER TABLE users ADD COLUMN send_read_receipts boolean NOT NULL DEFAULT true;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE users DROP COLUMN IF EXISTS send_read_receipts;
      ALTER TABLE realms DROP COLUMN IF EXISTS enable_read_receipts;
    `);
  }
}
