import { Role } from '../../apps/server/src/identity/user.types';
import { makeStream } from '../events/event-fixtures';
import { startTestServer, TestServer, TestUser } from '../helpers/test-server';
import { expectNothing, fails, ok, queues, receive } from './api-fixtures';

describe('drafts', () => {
  let server: TestServer;
  let alice: TestUser;
  let bob: TestUser;
  let guest: TestUser;
  let general: number;
  let secret: number;
  beforeAll(async () => {
    server = await startTestServer();
    alice = await server.createUser();
    bob = await server.createUser();
    guest = await server.createUser({ role: Role.Guest });
    general = await makeStream(server, 'drafts-general', [alice, bob]);
    secret = await makeStream(server, 'drafts-secret', [bob], true);
  });
  afterAll(() => server.stop());

  it('creates, lists, edits and deletes drafts, with drafts events to their owner alone', async () => {
    const [aliceQ, bobQ] = await queues(server, ['drafts'], alice, bob);
    const api = server.client(alice);
    const created = await ok(
      api.post('/drafts', {
        drafts: [
          {
            type: 'stream',
            to: [general],
            topic: 'plans',
            content: 'what about **friday**?',
            timestamp: 1_700_000_000,
          },
          { type: 'private', to: [bob.id], topic: '', content: 'psst', timestamp: 1_700_000_100 },
          { type: '', to: [], topic: '', content: 'note to self' },
        ],
      }),
    );
    const [streamDraft, dmDraft, loose] = created.ids as number[];
    expect(created.ids).toEqual([expect.any(Number), expect.any(Number), expect.any(Number)]);
    const first = {
      id: streamDraft,
      type: 'stream',
      to: [general],
      topic: 'plans',
      content: 'what about **friday**?',
      timestamp: 1_700_000_000,
    };
    const second = {
      id: dmDraft,
      type: 'private',
      to: [bob.id],
      topic: '',
      content: 'psst',
      timestamp: 1_700_000_100,
    };
    expect(await receive(aliceQ, 1)).toEqual([
      {
        type: 'drafts',
        op: 'add',
        drafts: [first, second, expect.objectContaining({ id: loose, type: '', to: [] })],
        id: expect.any(Number),
      },
    ]);

    const listed = await ok(api.get('/drafts'));
    expect(listed.count).toBe(3);
    expect(listed.drafts).toEqual([first, second, expect.objectContaining({ id: loose })]);
    const state = await ok(api.post('/register', { fetch_event_types: ['drafts'] }));
    expect(state.drafts).toEqual(listed.drafts);

    await ok(
      api.patch(`/drafts/${dmDraft}`, {
        draft: {
          type: 'private',
          to: [bob.id],
          topic: '',
          content: 'psst, lunch?',
          timestamp: 1_700_000_200,
        },
      }),
    );
    expect(await receive(aliceQ, 1)).toEqual([
      {
        type: 'drafts',
        op: 'update',
        draft: { ...second, content: 'psst, lunch?', timestamp: 1_700_000_200 },
        id: expect.any(Number),
      },
    ]);
    await ok(api.delete(`/drafts/${streamDraft}`));
    expect(await receive(aliceQ, 1)).toEqual([
      { type: 'drafts', op: 'remove', draft_id: streamDraft, id: expect.any(Number) },
    ]);
    expect(
      ((await ok(api.get('/drafts'))).drafts as Array<{ id: number }>).map((d) => d.id),
    ).toEqual([dmDraft, loose]);
    await expectNothing(bobQ);
  });

  it("keeps drafts private: another user's draft does not exist for them", async () => {
    const ids = (
      await ok(
        server
          .client(alice)
          .post('/drafts', { drafts: [{ type: '', to: [], topic: '', content: 'mine' }] }),
      )
    ).ids as number[];
    const [bobQ] = await queues(server, ['drafts'], bob);
    await fails(
      server.client(bob).patch(`/drafts/${ids[0]}`, {
        draft: { type: '', to: [], topic: '', content: 'stolen' },
      }),
      404,
      'Draft does not exist',
    );
    await fails(server.client(bob).delete(`/drafts/${ids[0]}`), 404, 'Draft does not exist');
    expect((await ok(server.client(bob).get('/drafts'))).drafts).toEqual([]);
    await fails(server.client(alice).delete('/drafts/999999'), 404, 'Draft does not exist');
    await expectNothing(bobQ);
  });

  it('refuses malformed drafts and addressees the user cannot reach', async () => {
    const post = (user: TestUser, draft: object) =>
      server.client(user).post('/drafts', { drafts: [draft] });
    await fails(
      post(alice, { type: 'stream', to: [general, secret], topic: 't', content: 'c' }),
      400,
      'Must specify exactly 1 channel ID for channel messages',
    );
    await fails(
      post(alice, { type: 'stream', to: [secret], topic: 't', content: 'c' }),
      400,
      'Invalid channel ID',
    );
    await fails(
      post(guest, { type: 'stream', to: [general], topic: 't', content: 'c' }),
      400,
      'Invalid channel ID',
    );
    await fails(
      post(alice, { type: 'private', to: [999999], topic: '', content: 'c' }),
      400,
      'Invalid user ID 999999',
    );
    await fails(
      post(alice, { type: 'chat', to: [], topic: '', content: 'c' }),
      400,
      /Invalid drafts\[0\]: type must be/,
    );
    await fails(
      post(alice, { type: '', to: [], topic: '', content: '   ' }),
      400,
      /content must not be empty/,
    );
    await fails(
      post(alice, { type: '', to: [], topic: '', content: 'c', timestamp: -5 }),
      400,
      'Timestamp must not be negative.',
    );
    await fails(
      server.client(alice).post('/drafts', { drafts: '[{' }),
      400,
      'Argument "drafts" is not valid JSON.',
    );
    await fails(server.client(alice).patch('/drafts/1', {}), 400, "Missing 'draft' argument");
    // Nothing malformed was stored.
    expect((await ok(server.client(guest).get('/drafts'))).count).toBe(0);
  });
});
