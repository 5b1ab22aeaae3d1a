import { DataSource } from 'typeorm';
import { migrations } from '../../apps/server/migrations';
import { createTestDatabase, postgresAvailable } from '../helpers/services';

/** The uploads migration goes down and up again, keeping what the attachment links say. */
describe('the uploads migration', () => {
  it('undoes cleanly and applies again', async () => {
    if (!(await postgresAvailable())) {
      if (process.env.REQUIRE_SERVICES === '1') throw new Error('PostgreSQL is required');
      console.warn('skipped: no PostgreSQL on 127.0.0.1:5432');
      return;
    }
    const db = await createTestDatabase();
    const source = new DataSource({
      type: 'postgres',
      url: db.url,
      migrations,
      migrationsTableName: 'schema_migrations',
    });
    await source.initialize();
    try {
      const columns = async () =>
        (
          (await source.query(
            "SELECT column_name FROM information_schema.columns WHERE table_name = 'attachments'",
          )) as Array<{ column_name: string }>
        ).map((c) => c.column_name);
      await source.runMigrations();
      expect(await columns()).toContain('unreferenced_since');
      // The newest migration (by timestamp) is this one: undoing the last undoes it.
      await source.undoLastMigration();
      expect(await columns()).not.toContain('unreferenced_since');
      await source.runMigrations();
      expect(await columns()).toContain('unreferenced_since');
    } finally {
      await source.destroy();
      await db.drop();
    }
  });
});
