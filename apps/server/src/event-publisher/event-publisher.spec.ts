import { Logger } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import type { PublishableEvent } from '@hub/api/event.types';
import { Database } from '../database/database.service';
import { QueryCounter } from '../database/query-counter';
import type { AudienceRepository } from './audience.repository';
import { EventPublisher } from './event-publisher';
import type { Publication } from './event-sink';

/** TypeORM is not under test: a transaction is its callback, run after a tick. */
const dataSource = {
  transaction: async <T>(run: (manager: EntityManager) => Promise<T>): Promise<T> => {
    await new Promise((r) => setImmediate(r));
    return run({} as EntityManager);
  },
} as unknown as DataSource;

/** Realm 1: users 1 (owner) and 2 (admin) administer; 3 and 4 are members. */
const audience = {
  activeUserIds: async () => [1, 2, 3, 4],
  activeAdminIds: async () => [1, 2],
} as unknown as AudienceRepository;

const named = (value: string): PublishableEvent => ({
  type: 'realm',
  op: 'update',
  property: 'name',
  value,
});

function setup(delay: (batch: readonly Publication[]) => number = () => 0) {
  const db = new Database(dataSource, new QueryCounter(false));
  const publisher = new EventPublisher(audience, db);
  const delivered: Publication[][] = [];
  publisher.attach({
    deliver: async (batch) => {
      await new Promise((r) => setTimeout(r, delay(batch)));
      delivered.push([...batch]);
    },
  });
  const values = () =>
    delivered.map((batch) => batch.map((p) => (p.event as { value: string }).value));
  return { db, publisher, delivered, values };
}

describe('EventPublisher', () => {
  it('delivers after the transaction commits, a transaction’s events together and in order', async () => {
    const { db, publisher, values } = setup();
    await db.transaction(async () => {
      await publisher.toUsers([3], named('a'));
      await publisher.toUsers([3], named('b'));
      expect(values()).toEqual([]);
    });
    expect(values()).toEqual([['a', 'b']]);
    await publisher.toUsers([3], named('outside'));
    expect(values()).toEqual([['a', 'b'], ['outside']]);
  });

  it('drops the events of a transaction that rolls back', async () => {
    const { db, publisher, values } = setup();
    await expect(
      db.transaction(async () => {
        await publisher.toRealm(1, named('never'));
        throw new Error('constraint violated');
      }),
    ).rejects.toThrow('constraint violated');
    await publisher.drain();
    expect(values()).toEqual([]);
  });

  it('keeps hand-over order even when an earlier delivery is slower (no edit overtakes its message)', async () => {
    const { publisher, values } = setup((batch) =>
      (batch[0].event as { value: string }).value === 'message' ? 50 : 0,
    );
    const message = publisher.toUsers([3], named('message'));
    const edit = publisher.toUsers([3], named('edit'));
    await Promise.all([message, edit]);
    expect(values()).toEqual([['message'], ['edit']]);
  });

  it('lets a sink overlap deliveries but append them in hand-over order (deliverInTurn)', async () => {
    const db = new Database(dataSource, new QueryCounter(false));
    const publisher = new EventPublisher(audience, db);
    const started: string[] = [];
    const appended: string[] = [];
    const valueOf = (batch: readonly Publication[]) => (batch[0].event as { value: string }).value;
    publisher.attach({
      deliver: async () => Promise.reject(new Error('deliverInTurn is used instead')),
      deliverInTurn: (batch, previousIssued) => {
        const value = valueOf(batch);
        started.push(value);
        // The message's lookup is the slow one: the edit's starts (and ends) meanwhile.
        const lookup = new Promise((r) => setTimeout(r, value === 'message' ? 50 : 0));
        const done = Promise.all([lookup, previousIssued]).then(() => {
          appended.push(value);
        });
        return { issued: done, done };
      },
    });
    const message = publisher.toUsers([3], named('message'));
    const edit = publisher.toUsers([3], named('edit'));
    expect(started).toEqual(['message', 'edit']);
    await Promise.all([message, edit]);
    await publisher.drain();
    expect(appended).toEqual(['message', 'edit']);
  });

  it('addresses the realm, its administrators, and administrators apart from the others', async () => {
    const { publisher, delivered } = setup();
    await publisher.toRealm(1, named('all'));
    await publisher.toAdminsAnd(1, [2, 4], named('admins and 4'));
    await publisher.toRealmSplit(1, named('for admins'), named('for others'));
    expect(delivered.flat().map((p) => p.recipients.userIds)).toEqual([
      [1, 2, 3, 4],
      [1, 2, 4],
      [1, 2],
      [3, 4],
    ]);
  });

  it('publishes nothing to nobody, except public-stream events (all_public_streams queues)', async () => {
    const { publisher, delivered } = setup();
    await publisher.toUsers([], named('nobody'));
    await publisher.toUsers([], named('public'), 1);
    expect(delivered.flat().map((p) => p.recipients)).toEqual([
      { userIds: [], publicStreamRealmId: 1 },
    ]);
  });

  it('refuses to publish before the event queues attached (a wiring mistake)', async () => {
    const db = new Database(dataSource, new QueryCounter(false));
    const publisher = new EventPublisher(audience, db);
    await expect(publisher.toUsers([1], named('lost'))).rejects.toThrow(/no event sink/);
  });

  it('logs a failed delivery instead of failing the committed change', async () => {
    const db = new Database(dataSource, new QueryCounter(false));
    const publisher = new EventPublisher(audience, db);
    const errors = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    publisher.attach({ deliver: async () => Promise.reject(new Error('Redis is down')) });
    await expect(publisher.toUsers([1], named('x'))).resolves.toBeUndefined();
    expect(errors).toHaveBeenCalledWith(expect.stringContaining('Redis is down'));
    errors.mockRestore();
  });
});
