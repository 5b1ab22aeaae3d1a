import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A reusable invitation link no longer creates an account at once: it mails a confirmation link
 * to the address given, and that link stays bound to the reusable invitation (its role and
 * streams; revoking or expiring the invitation makes the link fail).
 */
export class MultiuseConfirmations1765760000001 implements MigrationInterface {
  name = 'MultiuseConfirmations1765760000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE confirmations
        ADD COLUMN multiuse_invite_id integer REFERENCES multiuse_invites(id) ON DELETE CASCADE;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DELETE FROM confirmations WHERE multiuse_invite_id IS NOT NULL;
      ALTER TABLE confirmations DROP COLUMN IF EXISTS multiuse_invite_id;
    `);
  }
}
