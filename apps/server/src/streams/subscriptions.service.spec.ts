import type { Database } from '../database/database.service';
import { user } from '../identity/identity.fixture';
import { Role, type User } from '../identity/user.types';
import type { UsersRepository } from '../identity/users.repository';
import type { StreamEvents, SubscriptionPair } from './stream-events';
import type { Stream } from './stream.types';
import type { StreamsRepository } from './streams.repository';
import type { StreamsService } from './streams.service';
import type { NewSubscription, SubscriptionsRepository } from './subscriptions.repository';
import { SubscriptionsService } from './subscriptions.service';

/** Who may join, add others to and leave which stream: the rules, with the repositories faked. */

let nextStreamId = 1;
const stream = (name: string, changes: Partial<Stream> = {}): Stream => ({
  id: nextStreamId++,
  realm_id: 1,
  name,
  description: '',
  rendered_description: '',
  invite_only: false,
  history_public_to_subscribers: true,
  is_web_public: false,
  stream_post_policy: 1,
  message_retention_days: null,
  creator_id: null,
  date_created: new Date(0),
  deactivated: false,
  first_message_id: null,
  ...changes,
});

/** The service over an in-memory realm of `people` and `streams`; records announced changes. */
function realmOf(people: User[], streams: Stream[], subscribed: Array<[User, Stream]> = []) {
  const active = new Set(subscribed.map(([u, s]) => `${u.id}:${s.id}`));
  const announced = {
    created: [] as Stream[],
    subscribed: [] as SubscriptionPair[],
    unsubscribed: [] as SubscriptionPair[],
  };
  const byName = (names: string[]) =>
    streams.filter((s) => names.some((n) => n.toLowerCase() === s.name.toLowerCase()));
  const streamsRepo = {
    findActiveByNames: async (_realm: number, names: string[]) => byName(names),
    findManyWithFlags: async (_realm: number, _user: number, names: string[]) => byName(names),
    create: async (row: Partial<Stream> & { name: string }) => {
      const created = stream(row.name, { invite_only: row.invite_only ?? false });
      streams.push(created);
      return created;
    },
  };
  const subscriptions = {
    activePairs: async (userIds: number[], streamIds: number[]) =>
      userIds.flatMap((user_id) =>
        streamIds
          .filter((stream_id) => active.has(`${user_id}:${stream_id}`))
          .map((stream_id) => ({ user_id, stream_id })),
      ),
    colorsInUse: async () => new Map<number, Set<string>>(),
    upsert: async (rows: NewSubscription[]) => {
      for (const r of rows) active.add(`${r.user_id}:${r.stream_id}`);
    },
    deactivate: async (userId: number, streamIds: number[]) => {
      const removed = streamIds.filter((id) => active.delete(`${userId}:${id}`));
      return removed;
    },
  };
  const access = {
    canRead: async (reader: User, s: Stream) =>
      !s.invite_only || active.has(`${reader.id}:${s.id}`),
  };
  const users = {
    findManyByIds: async (_realm: number, ids: number[]) =>
      people.filter((p) => ids.includes(p.id)),
    findManyByEmails: async (_realm: number, emails: string[]) =>
      people.filter((p) => emails.includes(p.email)),
  };
  const events = {
    created: async (list: Stream[]) => void announced.created.push(...list),
    subscribed: async (pairs: SubscriptionPair[]) => void announced.subscribed.push(...pairs),
    unsubscribed: async (pairs: SubscriptionPair[]) => void announced.unsubscribed.push(...pairs),
  };
  const db = { transaction: <T>(work: () => Promise<T>) => work() };
  const service = new SubscriptionsService(
    streamsRepo as unknown as StreamsRepository,
    subscriptions as unknown as SubscriptionsRepository,
    access as unknown as StreamsService,
    users as unknown as UsersRepository,
    db as unknown as Database,
    events as unknown as StreamEvents,
  );
  const isSubscribed = (u: User, s: Stream) => active.has(`${u.id}:${s.id}`);
  return { service, announced, isSubscribed };
}

describe('SubscriptionsService: joining and adding others', () => {
  it('lets a member join a public stream and add another member to it', async () => {
    const [alice, bob] = [user(), user()];
    const lobby = stream('lobby');
    const { service, isSubscribed, announced } = realmOf([alice, bob], [lobby]);
    const result = await service.subscribe(alice, {
      streams: [{ name: 'Lobby' }],
      principals: [alice.id, bob.id],
    });
    expect(result.subscribed).toEqual({ [alice.email]: ['lobby'], [bob.email]: ['lobby'] });
    expect(isSubscribed(bob, lobby)).toBe(true);
    expect(announced.subscribed).toHaveLength(2);
  });

  it('lets only subscribers add anyone to a private stream', async () => {
    const [insider, outsider, admin] = [user(), user(), user({ role: Role.Administrator })];
    const secret = stream('secret', { invite_only: true });
    const { service, isSubscribed } = realmOf(
      [insider, outsider, admin],
      [secret],
      [[insider, secret]],
    );
    for (const actor of [outsider, admin]) {
      await expect(service.subscribe(actor, { streams: [{ name: 'secret' }] })).rejects.toThrow(
        'Unable to access channel (secret).',
      );
    }
    await service.subscribe(insider, { streams: [{ name: 'secret' }], principals: [outsider.id] });
    expect(isSubscribed(outsider, secret)).toBe(true);
  });

  it('reports streams it may not join instead of failing when asked to', async () => {
    const member = user();
    const secret = stream('secret', { invite_only: true });
    const lobby = stream('lobby');
    const { service } = realmOf([member], [secret, lobby]);
    const result = await service.subscribe(member, {
      streams: [{ name: 'secret' }, { name: 'lobby' }],
      authorizationErrorsFatal: false,
    });
    expect(result).toEqual({
      subscribed: { [member.email]: ['lobby'] },
      already_subscribed: {},
      unauthorized: ['secret'],
    });
  });

  it('keeps guests from creating streams, joining public ones or adding others', async () => {
    const guest = user({ role: Role.Guest });
    const member = user();
    const lobby = stream('lobby');
    const { service, announced } = realmOf([guest, member], [lobby]);
    await expect(service.subscribe(guest, { streams: [{ name: 'new idea' }] })).rejects.toThrow(
      'You do not have permission to create channels.',
    );
    await expect(service.subscribe(guest, { streams: [{ name: 'lobby' }] })).rejects.toThrow(
      'Unable to access channel (lobby).',
    );
    await expect(
      service.subscribe(guest, { streams: [{ name: 'lobby' }], principals: [member.id] }),
    ).rejects.toThrow('Insufficient permission');
    expect(announced).toEqual({ created: [], subscribed: [], unsubscribed: [] });
  });

  it('creates a missing stream for a member, announcing it before the subscription', async () => {
    const member = user();
    const { service, announced } = realmOf([member], []);
    const result = await service.subscribe(member, { streams: [{ name: 'fresh' }] });
    expect(result.subscribed).toEqual({ [member.email]: ['fresh'] });
    expect(announced.created.map((s) => s.name)).toEqual(['fresh']);
  });
});

describe('SubscriptionsService: leaving and removing others', () => {
  it("lets a member remove only themselves; an admin or a bot's owner may remove others", async () => {
    const [alice, bob, admin] = [user(), user(), user({ role: Role.Administrator })];
    const bot = user({ is_bot: true, bot_owner_id: alice.id });
    const lobby = stream('lobby');
    const { service, isSubscribed } = realmOf(
      [alice, bob, admin, bot],
      [lobby],
      [
        [alice, lobby],
        [bob, lobby],
        [bot, lobby],
      ],
    );
    await expect(service.unsubscribe(alice, ['lobby'], [bob.id])).rejects.toThrow(
      'Insufficient permission',
    );
    expect(isSubscribed(bob, lobby)).toBe(true);
    await service.unsubscribe(alice, ['lobby'], [bot.id]);
    expect(isSubscribed(bot, lobby)).toBe(false);
    expect(await service.unsubscribe(admin, ['lobby'], [bob.id])).toEqual({
      removed: ['lobby'],
      not_removed: [],
    });
  });

  it('answers a private stream the actor cannot see exactly like a missing one', async () => {
    const [insider, outsider] = [user(), user()];
    const secret = stream('secret', { invite_only: true });
    const { service } = realmOf([insider, outsider], [secret], [[insider, secret]]);
    const hidden = service.unsubscribe(outsider, ['secret']);
    const missing = service.unsubscribe(outsider, ['no such stream']);
    await expect(hidden).rejects.toMatchObject({ code: 'STREAM_DOES_NOT_EXIST' });
    await expect(missing).rejects.toMatchObject({ code: 'STREAM_DOES_NOT_EXIST' });
  });
});
