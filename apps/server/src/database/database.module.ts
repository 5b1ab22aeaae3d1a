import * as path from 'node:path';
import { Global, Inject, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { types as pgTypes } from 'pg';
import { DataSource } from 'typeorm';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '@hub/config';
import { migrations } from '../../migrations';
import { Database } from './database.service';
import { EmbeddedPostgres } from './embedded-postgres';
import { LookupCaches } from './lookup-caches';
import { pgConnection } from './pg-tls';
import { QueryCounter } from './query-counter';

// Message ids and counts are bigint in SQL; they stay far below 2^53, so plain numbers are exact.
pgTypes.setTypeParser(pgTypes.builtins.INT8, (value) => Number(value));

/** Opens the database named by DATABASE_URL, or the embedded one under DATA_DIR. */
export async function openDatabase(
  config: AppConfig,
  options: {
    runMigrations: boolean;
    /** The schema to build (a restore rebuilds the backup's): default every migration. */
    migrations?: typeof migrations;
  },
): Promise<{ database: Database; embedded?: EmbeddedPostgres }> {
  let embedded: EmbeddedPostgres | undefined;
  let url = config.databaseUrl;
  if (!url) {
    embedded = await EmbeddedPostgres.start(
      path.join(config.dataDir, 'pgdata'),
      path.join(config.dataDir, 'run'),
    );
    url = embedded.connectionString;
  }
  const counter = new QueryCounter(config.logLevel === 'debug');
  const connection = embedded
    ? { connectionString: url, ssl: false as const }
    : pgConnection(url, config.databaseTls);
  const dataSource = new DataSource({
    type: 'postgres',
    url: connection.connectionString,
    ssl: connection.ssl,
    migrations: options.migrations ?? migrations,
    migrationsTableName: 'schema_migrations',
    logging: ['query', 'error', 'warn'],
    logger: counter,
    // PGlite runs one statement at a time, and pglite-socket can interleave the extended-protocol
    // messages of concurrent connections ("unnamed prepared statement does not exist"): the
    // embedded database gets exactly one connection per process.
    extra: { max: embedded ? 1 : 20 },
  });
  try {
    await dataSource.initialize();
    if (options.runMigrations) await migrate(dataSource);
  } catch (err) {
    await embedded?.stop();
    throw err;
  }
  return {
    database: new Database(dataSource, counter, embedded ? undefined : connection.connectionString),
    embedded,
  };
}

/**
 * Runs pending migrations under an advisory lock, so processes starting together take turns. The
 * embedded database is opened by one process at a time and has a single connection, which the
 * lock would hold: it migrates without it.
 */
export async function migrate(dataSource: DataSource): Promise<string[]> {
  const singleConnection = (dataSource.options.extra as { max?: number } | undefined)?.max === 1;
  if (singleConnection) {
    const done = await dataSource.runMigrations({ transaction: 'each' });
    return done.map((m) => m.name);
  }
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock(7219001)');
    const done = await dataSource.runMigrations({ transaction: 'each' });
    return done.map((m) => m.name);
  } finally {
    await runner.query('SELECT pg_advisory_unlock(7219001)').catch(() => undefined);
    await runner.release();
  }
}

@Global()
@Module({
  providers: [
    {
      provide: Database,
      inject: [APP_CONFIG],
      useFactory: async (config: AppConfig) => {
        const { database, embedded } = await openDatabase(config, { runMigrations: true });
        if (embedded && !embedded.attachedToOtherProcess) {
          new Logger('Database').log(`Embedded PostgreSQL in ${config.dataDir}/pgdata`);
        }
        embeddedByDatabase.set(database, embedded);
        return database;
      },
    },
    LookupCaches,
  ],
  exports: [Database, LookupCaches],
})
export class DatabaseModule implements OnApplicationShutdown {
  constructor(@Inject(Database) private readonly database: Database) {}

  async onApplicationShutdown(): Promise<void> {
    await this.database.dataSource.destroy().catch(() => undefined);
    await embeddedByDatabase.get(this.database)?.stop();
  }
}

const embeddedByDatabase = new WeakMap<Database, EmbeddedPostgres | undefined>();
