import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Uploads: when an attachment last became referenced by no message (the cleanup job deletes it
 * after a while), the lookups the access check and the quota make, and custom emoji authorship.
 */
export class Uploads1765200000000 implements MigrationInterface {
  name = 'Uploads1765200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE attachments ADD COLUMN unreferenced_since timestamptz DEFAULT now();
      UPDATE attachments a SET unreferenced_since = NULL
        WHERE EXISTS (SELECT 1 FROM message_attachments ma WHERE ma.attachment_id = a.id);
      CREATE INDEX attachments_realm ON attachments (realm_id);
      CREATE INDEX attachments_owner ON attachments (owner_id, id);
      CREATE INDEX attachments_unreferenced ON attachments (unreferenced_since)
        WHERE unreferenced_since IS NOT NULL;
      CREATE INDEX message_attachments_attachment ON message_attachments (attachment_id);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX IF EXISTS message_attachments_attachment;
      DROP INDEX IF EXISTS attachments_unreferenced;
      DROP INDEX IF EXISTS attachments_owner;
      DROP INDEX IF EXISTS attachments_realm;
      ALTER TABLE attachments DROP COLUMN IF EXISTS unreferenced_since;
    `);
  }
}
