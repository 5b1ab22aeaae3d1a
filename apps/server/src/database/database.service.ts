import { AsyncLocalStorage } from 'node:async_hooks';
import { DataSource, EntityManager, QueryResult } from 'typeorm';
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
}

export class Database {
  private readonly current = new AsyncLocalStorage<OpenTransaction>();

  constructor(
    readonly dataSource: DataSource,
    readonly counter: QueryCounter,
  ) {}

  async rows<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    return (await this.run(sql, params)).records as T[];
  }

  async one<T>(sql: string, params: unknown[] = []): Promise<T | undefined> {
    const rows = await this.rows<T>(sql, params);
    return rows[0];
  }

  /** For UPDATE/DELETE statements: the number of rows they touched. */
  async execute(sql: string, params: unknown[] = []): Promise<number> {
    return (await this.run(sql, params)).affected ?? 0;
  }

  private async run(sql: string, params: unknown[]): Promise<QueryResult> {
    const manager = this.current.getStore()?.manager;
    const runner = manager?.queryRunner ?? this.dataSource.createQueryRunner();
    try {
      return await runner.query(sql, params, true);
    } finally {
      if (!manager?.queryRunner) await runner.release();
    }
  }

  /** Joins the open transaction, or opens one; `afterCommit` work runs once it has committed. */
  async transaction<T>(fn: () => Promise<T>): Promise<T> {
    if (this.current.getStore()) return fn();
    const afterCommit: OpenTransaction['afterCommit'] = [];
    const result = await this.dataSource.transaction((manager) =>
      this.current.run({ manager, afterCommit }, fn),
    );
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
}
