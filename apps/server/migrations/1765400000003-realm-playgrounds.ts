import { MigrationInterface, QueryRunner } from 'typeorm';

/** Code playgrounds (Zulip's realm playgrounds): where a code block of a language can be run. */
export class RealmPlaygrounds1765400000003 implements MigrationInterface {
  name = 'RealmPlaygrounds1765400000003';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE realm_playgrounds (
        id serial PRIMARY KEY,
        realm_id integer NOT NULL REFERENCES realms(id) ON DELETE CASCADE,
        name text NOT NULL,
        pygments_language text NOT NULL,
        url_template text NOT NULL,
        CONSTRAINT realm_playgrounds_unique UNIQUE (realm_id, pygments_language, name)
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE IF EXISTS realm_playgrounds');
  }
}
