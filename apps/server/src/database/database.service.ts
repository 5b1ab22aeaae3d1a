import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';
import { DataSource, EntityManager } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { QueryCounter } from './query-counter';

/**
 * The one handle repositories use for SQL. Inside `transaction()` every query of the callback (and
 * of whatever it calls) runs on that transaction's connection, so services compose repository
 * calls atomically without threading a manager through every signature.
 */
interface OpenTransaction {
  manager: EntityManager;
  /** Work that must wait until the transaction commits (and is dropped if it rolls back). */
  afterCommit: Array<() => Promise<void>>;
  /** Items collected by `collectAfterCommit`, by key; flushed in one call each after commit. */
  batches: Map<object, unknown[]>;
}

export class Database {
  private readonly current = new AsyncLocalStorage<OpenTransaction>();
  private openTransactions = 0;
  private pgPool: Pool | undefined;

  constructor(
    readonly dataSource: DataSource,
    readonly counter: QueryCounter,
    /** The server's address, for connections outside the pool (LISTEN); undefined if embedded. */
    readonly sharedUrl?: string,
  ) {}

  /** Whether the caller runs inside `transaction()` (and may see rows not yet committed). */
  get inTransaction(): boolean {
    return this.current.getStore() !== undefined;
  }

  async rows<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    return (await this.run(sql, params)).rows as T[];
  }

  async one<T>(sql: string, params: unknown[] = []): Promise<T | undefined> {
    const rows = await this.rows<T>(sql, params);
    return rows[0];
  }

  /** For UPDATE/DELETE statements: the number of rows they touched. */
  async execute(sql: string, params: unknown[] = []): Promise<number> {
    return (await this.run(sql, params)).rowCount;
  }

  /**
   * On a PostgreSQL server, statements with parameters run as named prepared statements: each
   * connection parses a statement once and may keep its plan, which the hot paths (auth, send,
   * fetch) would otherwise pay on every call. The embedded database is one session shared by
   * every socket connection, where two processes preparing the same name would collide: there
   * statements are parsed each time.
   */
  private async run(
    sql: string,
    params: unknown[],
  ): Promise<{ rows: unknown[]; rowCount: number }> {
    const manager = this.current.getStore()?.manager;
    const name = this.sharedUrl && params.length > 0 ? statementName(sql) : undefined;
    if (name && !manager?.queryRunner) {
      // Outside a transaction, straight through the pool: TypeORM's query runner (made, connected
      // and released around every statement) cost as much as the statement's own client work.
      this.counter.logQuery(sql, params);
      const result = await this.pool().query({ name, text: sql, values: params });
      return { rows: result.rows, rowCount: result.rowCount ?? 0 };
    }
    const runner = manager?.queryRunner ?? this.dataSource.createQueryRunner();
    try {
      if (!name) {
        const result = await runner.query(sql, params, true);
        return { rows: result.records as unknown[], rowCount: result.affected ?? 0 };
      }
      const client = (await runner.connect()) as PoolClient;
      this.counter.logQuery(sql, params);
      const result = await client.query({ name, text: sql, values: params });
      return { rows: result.rows, rowCount: result.rowCount ?? 0 };
    } finally {
      if (!manager?.queryRunner) await runner.release();
    }
  }

  /** The pg pool TypeORM opened (the `postgres` driver's, set once the data source connected). */
  private pool(): Pool {
    this.pgPool ??= (this.dataSource.driver as PostgresDriver).master as Pool;
    return this.pgPool;
  }

  /** Joins the open transaction, or opens one; `afterCommit` work runs once it has committed. */
  async transaction<T>(fn: () => Promise<T>): Promise<T> {
    if (this.current.getStore()) return fn();
    const afterCommit: OpenTransaction['afterCommit'] = [];
    const batches: OpenTransaction['batches'] = new Map();
    this.openTransactions++;
    let result: T;
    try {
      result = await this.dataSource.transaction((manager) =>
        this.current.run({ manager, afterCommit, batches }, fn),
      );
    } finally {
      // On Node 20 an enabled AsyncLocalStorage hooks every promise and socket the process makes
      // (~6% of a busy long-poll server's time); it is only needed while a transaction is open.
      if (--this.openTransactions === 0) this.current.disable();
    }
    for (const work of afterCommit) await work();
    return result;
  }

  /**
   * Runs `work` after the current transaction commits, or now outside one: announcements (events)
   * must never describe a change that is then rolled back.
   */
  async afterCommit(work: () => Promise<void>): Promise<void> {
    const open = this.current.getStore();
    if (open) open.afterCommit.push(work);
    else await work();
  }

  /**
   * Adds `item` to the current transaction's batch `key`: once it commits, `flush` gets every
   * item collected under that key, in order, in one call. Outside a transaction it gets `[item]`
   * now. (The event publisher delivers a transaction's events together this way.)
   */
  async collectAfterCommit<T>(
    key: object,
    item: T,
    flush: (items: T[]) => Promise<void>,
  ): Promise<void> {
    const open = this.current.getStore();
    if (!open) return flush([item]);
    const batch = open.batches.get(key) as T[] | undefined;
    if (batch) {
      batch.push(item);
      return;
    }
    const items = [item];
    open.batches.set(key, items);
    open.afterCommit.push(() => flush(items));
  }
}

/**
 * Names for at most this many distinct statements per process (so per connection): the hot ones
 * are named within moments of starting; rare generated text (export batches, unusual narrows)
 * past the bound runs unnamed instead of piling up prepared statements on the server.
 */
const MAX_PREPARED_STATEMENTS = 1000;
const statementNames = new Map<string, string>();

/** A stable name per SQL text, or undefined once the bound is reached for new text. */
function statementName(sql: string): string | undefined {
  let name = statementNames.get(sql);
  if (!name && statementNames.size < MAX_PREPARED_STATEMENTS) {
    name = `zh_${createHash('sha1').update(sql).digest('hex').slice(0, 24)}`;
    statementNames.set(sql, name);
  }
  return name;
}
