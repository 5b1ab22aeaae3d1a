import { makeStream } from '../events/event-fixtures';
import { startTestServer, TestServer, TestUser } from '../helpers/test-server';
import { createBot, expectNothing, fails, flagsOf, ok, queues, receive } from './api-fixtures';

describe('alert words', () => {
  let server: TestServer;
  let alice: TestUser;
  let bob: TestUser;
  let bot: TestUser;
  beforeAll(async () => {
    server = await startTestServer();
    alice = await server.createUser();
    bob = await server.createUser();
    bot = await createBot(server, bob, 'watcher');
  });
  afterAll(() => server.stop());

  it('adds, lists and removes words, announcing the new list to the user alone', async () => {
    const [aliceQ, bobQ] = await queues(server, ['alert_words'], alice, bob);
    const api = server.client(alice);
    expect((await ok(api.get('/users/me/alert_words'))).alert_words).toEqual([]);

    const added = await ok(
      api.post('/users/me/alert_words', { alert_words: [' Deploy ', 'c++', 'deploy', ''] }),
    );
    expect(added.alert_words).toEqual(['Deploy', 'c++']);
    // A word already there in another letter case is not added twice.
    const again = await ok(
      api.post('/users/me/alert_words', { alert_words: ['DEPLOY', 'oncall'] }),
    );
    expect(again.alert_words).toEqual(['Deploy', 'c++', 'oncall']);
    const removed = await ok(api.delete('/users/me/alert_words', { alert_words: ['deploy'] }));
    expect(removed.alert_words).toEqual(['c++', 'oncall']);
    expect((await ok(api.get('/users/me/alert_words'))).alert_words).toEqual(['c++', 'oncall']);

    expect(await receive(aliceQ, 3)).toEqual([
      { type: 'alert_words', alert_words: ['Deploy', 'c++'], id: expect.any(Number) },
      { type: 'alert_words', alert_words: ['Deploy', 'c++', 'oncall'], id: expect.any(Number) },
      { type: 'alert_words', alert_words: ['c++', 'oncall'], id: expect.any(Number) },
    ]);
    await expectNothing(bobQ);

    const state = await ok(api.post('/register', { fetch_event_types: ['alert_words'] }));
    expect(state.alert_words).toEqual(['c++', 'oncall']);
    // Bots keep their own list.
    const botWords = await ok(
      server.client(bot).post('/users/me/alert_words', { alert_words: ['build'] }),
    );
    expect(botWords.alert_words).toEqual(['build']);
  });

  it('answers a 400 envelope for missing, malformed and over-long words', async () => {
    const api = server.client(bob);
    await fails(api.post('/users/me/alert_words', {}), 400, "Missing 'alert_words' argument");
    await fails(
      api.post('/users/me/alert_words', { alert_words: 'deploy' }),
      400,
      'Argument "alert_words" is not valid JSON.',
    );
    await fails(
      api.post('/users/me/alert_words', { alert_words: [1] }),
      400,
      /Invalid alert_words/,
    );
    await fails(
      api.delete('/users/me/alert_words', { alert_words: ['x'.repeat(101)] }),
      400,
      /Invalid alert_words/,
    );
    await fails(server.client().get('/users/me/alert_words'), 401, /./);
  });

  it('flags has_alert_word for recipients whose word appears as a whole word, in any case', async () => {
    const carol = await server.createUser();
    const stream = await makeStream(server, 'alerts', [alice, bob, carol]);
    await ok(server.client(carol).post('/users/me/alert_words', { alert_words: ['Kraken'] }));
    await ok(server.client(bob).post('/users/me/alert_words', { alert_words: ['kraken'] }));
    const send = async (content: string) =>
      (
        await ok(
          server
            .client(bob)
            .post('/messages', { type: 'stream', to: stream, topic: 'sea', content }),
        )
      ).id as number;

    const hit = await send('Release the KRAKEN!');
    expect(await flagsOf(server, carol, hit)).toContain('has_alert_word');
    expect(await flagsOf(server, alice, hit)).not.toContain('has_alert_word');
    // The sender's own words do not alert them.
    expect(await flagsOf(server, bob, hit)).not.toContain('has_alert_word');

    const inside = await send('krakens and unkraken do not count');
    expect(await flagsOf(server, carol, inside)).not.toContain('has_alert_word');

    const special = await send('rewrite it in c++ today');
    expect(await flagsOf(server, alice, special)).toContain('has_alert_word');
  });
});
