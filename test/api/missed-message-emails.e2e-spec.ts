import { MissedMessageNotifier } from '../../apps/server/src/notifications/missed-message-notifier.service';
import { mailsTo } from '../accounts/mail-helper';
import { makeStream } from '../events/event-fixtures';
import { startTestServer, TestServer, TestUser } from '../helpers/test-server';
import { createBot, ok } from './api-fixtures';

/** The whole client side of waiting: the mailer polls every second. */
const MAIL_WAIT_MS = 15_000;

describe('missed-message emails', () => {
  let server: TestServer;
  let alice: TestUser;
  let stream: number;
  beforeAll(async () => {
    server = await startTestServer();
    alice = await server.createUser({ fullName: 'Alice Sender' });
    await server.updateRealm({ name: 'Acme Corp' });
    stream = await makeStream(server, 'launch', [alice]);
  });
  afterAll(() => server.stop());

  /** A user who is away from Zulip (no event queue) and whose batches fall due after 1 s. */
  async function awayUser(fullName: string, settings: Record<string, unknown> = {}) {
    const user = await server.createUser({ fullName });
    await ok(
      server
        .client(user)
        .patch('/settings', { email_notifications_batching_period_seconds: 1, ...settings }),
    );
    return user;
  }

  const subscribe = (...users: TestUser[]) =>
    ok(
      server.client(server.owner).post('/users/me/subscriptions', {
        subscriptions: [{ name: 'launch' }],
        principals: users.map((u) => u.id),
      }),
    );

  const mails = (user: TestUser) => mailsTo(server.config.dataDir, user.email);

  async function waitForMails(user: TestUser, count: number): Promise<string[]> {
    const deadline = Date.now() + MAIL_WAIT_MS;
    while (mails(user).length < count) {
      if (Date.now() > deadline) throw new Error(`${user.email} got ${mails(user).length} mails`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return mails(user);
  }

  /** Waits until every queued email of `user` has been handled (mailed or dropped). */
  async function drained(user: TestUser): Promise<void> {
    await server.app.get(MissedMessageNotifier).idle();
    const deadline = Date.now() + MAIL_WAIT_MS;
    for (;;) {
      const row = await server.db.one<{ n: number }>(
        'SELECT count(*)::int AS n FROM missed_message_emails WHERE user_id = $1',
        [user.id],
      );
      if (row?.n === 0) return;
      if (Date.now() > deadline) throw new Error(`emails of ${user.email} still queued`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  async function queued(user: TestUser): Promise<string[]> {
    await server.app.get(MissedMessageNotifier).idle();
    const rows = await server.db.rows<{ trigger: string }>(
      'SELECT trigger FROM missed_message_emails WHERE user_id = $1 ORDER BY id',
      [user.id],
    );
    return rows.map((r) => r.trigger);
  }

  const dm = (from: TestUser, to: TestUser[], content: string) =>
    ok(server.client(from).post('/messages', { type: 'direct', to: to.map((u) => u.id), content }));
  const post = (from: TestUser, topic: string, content: string) =>
    ok(server.client(from).post('/messages', { type: 'stream', to: stream, topic, content }));

  it('mails a DM to a user who is away, after the batching period, with its content', async () => {
    const bob = await awayUser('Bob Away');
    await dm(alice, [bob], 'are you coming to the offsite?');
    const [mail] = await waitForMails(bob, 1);
    expect(mail).toMatch(/^Subject: DMs with Alice Sender$/m);
    expect(mail).toContain('Alice Sender:\nare you coming to the offsite?');
    expect(mail).toMatch(/#narrow\/dm\/\d+,\d+-/);
    expect(mail).toContain('because you received direct messages');
  });

  it('does not mail a user who has Zulip open (an event queue receiving messages)', async () => {
    const carol = await awayUser('Carol Online');
    await ok(server.client(carol).post('/register', { event_types: ['message'] }));
    const bob = await awayUser('Bob Control');
    await dm(alice, [carol, bob], 'standup in 5');
    await waitForMails(bob, 1);
    await drained(carol);
    expect(await queued(carol)).toEqual([]);
    expect(mails(carol)).toEqual([]);
  });

  it('mails mentions (personal and group) in a stream; ordinary messages are not mailed', async () => {
    const dave = await awayUser('Dave Mentioned');
    const erin = await awayUser('Erin Grouped');
    await subscribe(dave, erin);
    const group = await ok(
      server
        .client(alice)
        .post('/user_groups/create', { name: 'launchers', description: 'x', members: [erin.id] }),
    );
    expect(group.group_id).toEqual(expect.any(Number));
    await post(alice, 'countdown', 'nothing special here');
    await post(alice, 'countdown', '@**Dave Mentioned** and @*launchers*: T-10');
    const [daveMail] = await waitForMails(dave, 1);
    expect(daveMail).toMatch(/^Subject: #launch > countdown$/m);
    expect(daveMail).toContain('T-10');
    expect(daveMail).not.toContain('nothing special here');
    const [erinMail] = await waitForMails(erin, 1);
    expect(erinMail).toContain('because you were mentioned');
  });

  it('enable_offline_email_notifications off: no email for DMs or mentions', async () => {
    const frank = await awayUser('Frank Quiet', { enable_offline_email_notifications: false });
    await subscribe(frank);
    await dm(alice, [frank], 'ping');
    await post(alice, 'countdown', '@**Frank Quiet** ping');
    expect(await queued(frank)).toEqual([]);
  });

  it('wildcard mentions mail only with wildcard_mentions_notify (the stream setting first)', async () => {
    const gina = await awayUser('Gina Wildcard');
    const hank = await awayUser('Hank Nowildcard', { wildcard_mentions_notify: false });
    const ivy = await awayUser('Ivy Streamwide', { wildcard_mentions_notify: false });
    await subscribe(gina, hank, ivy);
    await ok(
      server.client(ivy).post('/users/me/subscriptions/properties', {
        subscription_data: [
          { stream_id: stream, property: 'wildcard_mentions_notify', value: true },
        ],
      }),
    );
    await post(alice, 'all hands', '@**all** meeting now');
    expect(await queued(gina)).toEqual(['wildcard_mentioned']);
    expect(await queued(hank)).toEqual([]);
    expect(await queued(ivy)).toEqual(['wildcard_mentioned']);
    const [mail] = await waitForMails(gina, 1);
    expect(mail).toContain('because everyone was mentioned');
  });

  it("a stream's email_notifications mails every message there", async () => {
    const jay = await awayUser('Jay Streamfan');
    await subscribe(jay);
    await ok(
      server.client(jay).post('/users/me/subscriptions/properties', {
        subscription_data: [{ stream_id: stream, property: 'email_notifications', value: true }],
      }),
    );
    await post(alice, 'weather', 'clear skies');
    const [mail] = await waitForMails(jay, 1);
    expect(mail).toMatch(/^Subject: #launch > weather$/m);
    expect(mail).toContain('clear skies');
    expect(mail).toContain('email notifications on for this channel');
  });

  it('message_content_in_email_notifications off: the email says who wrote, not what', async () => {
    const kim = await awayUser('Kim Private', { message_content_in_email_notifications: false });
    await dm(alice, [kim], 'the secret code is 1234');
    const [mail] = await waitForMails(kim, 1);
    expect(mail).not.toContain('1234');
    expect(mail).toContain('New messages from Alice Sender.');
    expect(mail).toContain('does not include message content');
  });

  it('batches: one email per conversation for everything in the period', async () => {
    const lee = await awayUser('Lee Batched', { email_notifications_batching_period_seconds: 600 });
    await subscribe(lee);
    await dm(alice, [lee], 'first');
    await dm(alice, [lee], 'second');
    await post(alice, 'batching', '@**Lee Batched** third');
    expect(await queued(lee)).toEqual(['direct_message', 'direct_message', 'mentioned']);
    const times = await server.db.rows<{ at: Date }>(
      'SELECT DISTINCT scheduled_at AS at FROM missed_message_emails WHERE user_id = $1',
      [lee.id],
    );
    expect(times).toHaveLength(1);
    expect(times[0].at.getTime()).toBeGreaterThan(Date.now() + 500_000);
    // The period passes.
    await server.db.execute(
      'UPDATE missed_message_emails SET scheduled_at = now() WHERE user_id = $1',
      [lee.id],
    );
    const sent = await waitForMails(lee, 2);
    await drained(lee);
    expect(mails(lee)).toHaveLength(2);
    const direct = sent.find((m) => /^Subject: DMs with/m.test(m)) ?? '';
    expect(direct).toContain('Alice Sender:\nfirst');
    expect(direct).toContain('Alice Sender:\nsecond');
    expect(sent.find((m) => /^Subject: #launch > batching$/m.test(m))).toContain('third');
  });

  it('leaves out what the user read before the batch fell due', async () => {
    const max = await awayUser('Max Reader', { email_notifications_batching_period_seconds: 600 });
    const sent = await dm(alice, [max], 'read me soon');
    await ok(
      server
        .client(max)
        .post('/messages/flags', { messages: [sent.id as number], op: 'add', flag: 'read' }),
    );
    expect(await queued(max)).toEqual(['direct_message']);
    await server.db.execute(
      'UPDATE missed_message_emails SET scheduled_at = now() WHERE user_id = $1',
      [max.id],
    );
    await drained(max);
    expect(mails(max)).toEqual([]);
  });

  it('names the organization in the subject when the user asks for it', async () => {
    const nia = await awayUser('Nia Multirealm', { realm_name_in_email_notifications_policy: 2 });
    await dm(alice, [nia], 'hello');
    const [mail] = await waitForMails(nia, 1);
    expect(mail).toMatch(/^Subject: DMs with Alice Sender \[Acme Corp\]$/m);
  });

  it('never mails bots or the sender', async () => {
    const oscar = await awayUser('Oscar Self');
    await dm(oscar, [oscar], 'note to self');
    expect(await queued(oscar)).toEqual([]);
    const bot = await createBot(server, oscar, 'mailless');
    await dm(alice, [bot], 'hello bot');
    expect(await queued(bot)).toEqual([]);
  });

  it('keeps a waiting email across a server restart and mails it once', async () => {
    const pat = await awayUser('Pat Restarted', {
      email_notifications_batching_period_seconds: 600,
    });
    await dm(alice, [pat], 'still there after the restart?');
    expect(await queued(pat)).toEqual(['direct_message']);
    await server.restart();
    // The row survived; the period passes.
    await server.db.execute(
      'UPDATE missed_message_emails SET scheduled_at = now() WHERE user_id = $1',
      [pat.id],
    );
    const [mail] = await waitForMails(pat, 1);
    expect(mail).toContain('still there after the restart?');
    await drained(pat);
    expect(mails(pat)).toHaveLength(1);
  });
});
