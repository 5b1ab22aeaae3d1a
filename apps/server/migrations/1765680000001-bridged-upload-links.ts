import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Whether mirror bridges may give people on IRC/XMPP (who have no account) links to uploads
 * that work without signing in. Off by default: such a link is readable by anyone who has it.
 */
export class BridgedUploadLinks1765680000001 implements MigrationInterface {
  name = 'BridgedUploadLinks1765680000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE realms ADD COLUMN allow_bridged_upload_links boolean NOT NULL DEFAULT false`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE realms DROP COLUMN IF EXISTS allow_bridged_upload_links`);
  }
}
