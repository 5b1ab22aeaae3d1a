import { DataSource } from 'typeorm';
import { migrations } from '../../apps/server/migrations';
import { createTestDatabase, postgresAvailable } from '../helpers/services';

/** Every migration's `down` undoes it: the whole chain goes down to nothing and up again. */
describe('the migrations', () => {
  it('all undo cleanly, newest first, and apply again', async () => {
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
      for (let i = 0; i < migrations.length; i++) await source.undoLastMigration();
      const [{ n }] = (await source.query(
        'SELECT count(*)::int AS n FROM schema_migrations',
      )) as Array<{ n: number }>;
      expect(n).toBe(0);
      const [{ tables }] = (await source.query(
        "SELECT count(*)::int AS tables FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'schema_migrations'",
      )) as Array<{ tables: number }>;
      expect(tables).toBe(0);
      await source.runMigrations();
      expect(await columns()).toContain('unreferenced_since');
    } finally {
      await source.destroy();
      await db.drop();
    }
  });
});
