import { MigrationInterface, QueryRunner } from 'typeorm';

/** Custom profile fields (Zulip's realm profile fields) and each user's values for them. */
export class CustomProfileFields1765400000002 implements MigrationInterface {
  name = 'CustomProfileFields1765400000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE custom_profile_fields (
        id serial PRIMARY KEY,
        realm_id integer NOT NULL REFERENCES realms(id) ON DELETE CASCADE,
        name text NOT NULL,
        hint text NOT NULL DEFAULT '',
        field_type smallint NOT NULL,
        field_data text NOT NULL DEFAULT '',
        "order" integer NOT NULL DEFAULT 0,
        display_in_profile_summary boolean NOT NULL DEFAULT false,
        required boolean NOT NULL DEFAULT false,
        editable_by_user boolean NOT NULL DEFAULT true
      );
      CREATE UNIQUE INDEX custom_profile_fields_name ON custom_profile_fields (realm_id, lower(name));
      CREATE TABLE custom_profile_field_values (
        user_id integer NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        field_id integer NOT NULL REFERENCES custom_profile_fields(id) ON DELETE CASCADE,
        value text NOT NULL,
        rendered_value text,
        PRIMARY KEY (user_id, field_id)
      );
      CREATE INDEX custom_profile_field_values_field ON custom_profile_field_values (field_id);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE IF EXISTS custom_profile_field_values');
    await q.query('DROP TABLE IF EXISTS custom_profile_fields');
  }
}
