import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Zulip's `allow_private_data_export`: whether a user lets realm exports carry their direct
 * messages and private-stream messages. Off until the user turns it on.
 */
export class PrivateDataExportConsent1765640000001 implements MigrationInterface {
  name = 'PrivateDataExportConsent1765640000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      'ALTER TABLE users ADD COLUMN allow_private_data_export boolean NOT NULL DEFAULT false',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE users DROP COLUMN allow_private_data_export');
  }
}
