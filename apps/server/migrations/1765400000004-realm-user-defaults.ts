import { MigrationInterface, QueryRunner } from 'typeorm';

/** The settings a realm gives its new users (Zulip's realm user settings defaults). */
export class RealmUserDefaults1765400000004 implements MigrationInterface {
  name = 'RealmUserDefaults1765400000004';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE realm_user_defaults (
        realm_id integer PRIMARY KEY REFERENCES realms(id) ON DELETE CASCADE,
        settings jsonb NOT NULL DEFAULT '{}'
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE IF EXISTS realm_user_defaults');
  }
}
