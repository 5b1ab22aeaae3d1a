import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Zulip's display settings that follow a person from browser to browser: the time format and the
 * color scheme (1 automatic, 2 dark, 3 light, as in Zulip).
 */
export class DisplaySettings1765300000001 implements MigrationInterface {
  name = 'DisplaySettings1765300000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE users
        ADD COLUMN twenty_four_hour_time boolean NOT NULL DEFAULT false,
        ADD COLUMN color_scheme smallint NOT NULL DEFAULT 1
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      'ALTER TABLE users DROP COLUMN IF EXISTS twenty_four_hour_time, DROP COLUMN IF EXISTS color_scheme',
    );
  }
}
