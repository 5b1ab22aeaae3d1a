import type { DataSource, EntityManager } from 'typeorm';
import { Database } from './database.service';
import { QueryCounter } from './query-counter';

/** TypeORM's part is not under test here: a transaction is its callback, run after a tick. */
function fakeDataSource(): { dataSource: DataSource; opened: () => number } {
  let opened = 0;
  const dataSource = {
    transaction: async <T>(run: (manager: EntityManager) => Promise<T>): Promise<T> => {
      opened++;
      await new Promise((r) => setImmediate(r));
      return run({} as EntityManager);
    },
  } as unknown as DataSource;
  return { dataSource, opened: () => opened };
}

const tick = () => new Promise((r) => setImmediate(r));

describe('Database.transaction', () => {
  it('joins an open transaction instead of opening another', async () => {
    const { dataSource, opened } = fakeDataSource();
    const db = new Database(dataSource, new QueryCounter(false));
    await db.transaction(async () => {
      expect(db.inTransaction).toBe(true);
      await db.transaction(async () => expect(db.inTransaction).toBe(true));
    });
    expect(opened()).toBe(1);
    expect(db.inTransaction).toBe(false);
  });

  it('keeps a transaction its context when a concurrent one ends first', async () => {
    const { dataSource } = fakeDataSource();
    const db = new Database(dataSource, new QueryCounter(false));
    const log: string[] = [];
    let releaseLong: () => void = () => undefined;
    const long = db.transaction(async () => {
      await new Promise<void>((r) => (releaseLong = r));
      log.push(`long sees a transaction: ${db.inTransaction}`);
      await db.afterCommit(async () => void log.push('long committed'));
      log.push('long body done');
    });
    await db.transaction(async () => {
      await tick();
      await db.afterCommit(async () => void log.push('short committed'));
    });
    expect(log).toEqual(['short committed']);
    releaseLong();
    await long;
    expect(log).toEqual([
      'short committed',
      'long sees a transaction: true',
      'long body done',
      'long committed',
    ]);
  });

  it('works again after every transaction has ended (work outside runs at once)', async () => {
    const { dataSource, opened } = fakeDataSource();
    const db = new Database(dataSource, new QueryCounter(false));
    await db.transaction(async () => tick());
    const outside: string[] = [];
    await db.afterCommit(async () => void outside.push('ran'));
    expect(outside).toEqual(['ran']);
    const deferred: string[] = [];
    await db.transaction(async () => {
      expect(db.inTransaction).toBe(true);
      await db.afterCommit(async () => void deferred.push('after commit'));
      expect(deferred).toEqual([]);
    });
    expect(deferred).toEqual(['after commit']);
    expect(opened()).toBe(2);
  });

  it('ends the context when a transaction fails', async () => {
    const { dataSource } = fakeDataSource();
    const db = new Database(dataSource, new QueryCounter(false));
    await expect(
      db.transaction(async () => {
        throw new Error('constraint violated');
      }),
    ).rejects.toThrow('constraint violated');
    expect(db.inTransaction).toBe(false);
    await db.transaction(async () => expect(db.inTransaction).toBe(true));
  });
});

describe('Database.collectAfterCommit', () => {
  it("flushes a transaction's items under one key together, in order, after it commits", async () => {
    const { dataSource } = fakeDataSource();
    const db = new Database(dataSource, new QueryCounter(false));
    const key = {};
    const flushed: string[][] = [];
    const flush = async (items: string[]) => void flushed.push(items);
    await db.transaction(async () => {
      await db.collectAfterCommit(key, 'a', flush);
      await db.collectAfterCommit(key, 'b', flush);
      await db.collectAfterCommit(key, 'c', flush);
      expect(flushed).toEqual([]);
    });
    expect(flushed).toEqual([['a', 'b', 'c']]);
    await db.collectAfterCommit(key, 'outside', flush);
    expect(flushed).toEqual([['a', 'b', 'c'], ['outside']]);
  });

  it('drops what a rolled-back transaction collected', async () => {
    const { dataSource } = fakeDataSource();
    const db = new Database(dataSource, new QueryCounter(false));
    const flushed: string[][] = [];
    await expect(
      db.transaction(async () => {
        await db.collectAfterCommit({}, 'never', async (items) => void flushed.push(items));
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(flushed).toEqual([]);
  });
});
