import { Readable } from 'node:stream';
import { Role } from '../../apps/server/src/identity/user.types';
import { cliEnv, manage } from '../cli/cli-harness';
import { makeStream } from '../events/event-fixtures';
import { startTestServer, TestServer, TestUser } from '../helpers/test-server';
import { request } from '../uploads/upload-client';
import { createBot, fails, ok, queues, receive } from './api-fixtures';

/*
 * The incoming email gateway against a real server: channel addresses for those who may post,
 * and raw emails (Postfix's pipe through `manage email-mirror`, or the internal endpoint)
 * becoming messages, with their files uploaded and their `message` events.
 */

const SECRET = 'email-gateway-test-secret-0123';
const GATEWAY_ENV = {
  EMAIL_GATEWAY_PATTERN: '%s@streams.example.com',
  EMAIL_GATEWAY_SECRET: SECRET,
  EMAIL_GATEWAY_MAX_MESSAGE_BYTES: '65536',
};

const crlf = (lines: string[]) => lines.join('\r\n');

/** A reply from a mail client: text and HTML alternatives, a quote, a signature, a file. */
function multipartEmail(to: string, subject: string): Buffer {
  return Buffer.from(
    crlf([
      'From: Carol Customer <carol@example.org>',
      `To: ${to}`,
      `Subject: ${subject}`,
      'Message-ID: <1@example.org>',
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="mixed"',
      '',
      '--mixed',
      'Content-Type: multipart/alternative; boundary="alt"',
      '',
      '--alt',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'The deploy went fine, log attached.',
      '',
      'On Tue, Dec 2, 2025, Dave wrote:',
      '> How did it go?',
      '',
      '--',
      'Carol',
      '--alt',
      'Content-Type: text/html; charset=utf-8',
      '',
      '<p>The deploy went <b>fine</b>, log attached.</p>',
      '--alt--',
      '--mixed',
      'Content-Type: text/plain; name="deploy.log"',
      'Content-Disposition: attachment; filename="deploy.log"',
      'Content-Transfer-Encoding: base64',
      '',
      Buffer.from('step 1 ok\nstep 2 ok\n').toString('base64'),
      '--mixed--',
      '',
    ]),
  );
}

/** Runs `manage email-mirror` with `raw` on its stdin, as Postfix's pipe transport would. */
async function pipeToManage(
  env: Record<string, string | undefined>,
  raw: Buffer,
  ...args: string[]
) {
  const stdin = Object.getOwnPropertyDescriptor(process, 'stdin')!;
  Object.defineProperty(process, 'stdin', { value: Readable.from([raw]), configurable: true });
  try {
    return await manage(env, 'email-mirror', ...args);
  } finally {
    Object.defineProperty(process, 'stdin', stdin);
  }
}

function postInternal(server: TestServer, raw: Buffer, secret: string, recipient?: string) {
  const query = recipient ? `?recipient=${encodeURIComponent(recipient)}` : '';
  return request(server.url, 'POST', `/api/internal/email_mirror_message${query}`, {
    body: raw,
    headers: { authorization: `Bearer ${secret}`, 'content-type': 'message/rfc822' },
  });
}

describe('the incoming email gateway', () => {
  let server: TestServer;
  let member: TestUser;
  let outsider: TestUser;
  let guest: TestUser;
  let announcements: number;
  let deploys: number;
  let cli: Record<string, string | undefined>;

  beforeAll(async () => {
    server = await startTestServer({ env: GATEWAY_ENV });
    member = await server.createUser({ fullName: 'Mia Member' });
    outsider = await server.createUser({ fullName: 'Otto Outsider' });
    guest = await server.createUser({ role: Role.Guest });
    deploys = await makeStream(server, 'Deploys & Ops', [member, guest], true);
    announcements = await makeStream(server, 'announcements', [member]);
    await server.client(server.owner).patch(`/streams/${announcements}`, {
      stream_post_policy: 2,
    });
    cli = { ...cliEnv(server), ...GATEWAY_ENV, SERVER_URL: server.url };
  });
  afterAll(() => server.stop());

  async function addressOf(user: TestUser, streamId: number): Promise<string> {
    return (await ok(server.client(user).get(`/streams/${streamId}/email_address`)))
      .email as string;
  }

  it('gives a channel address to those who may post there, the same one across restarts', async () => {
    const address = await addressOf(member, deploys);
    expect(address).toMatch(/^deploys-ops\.[0-9a-f]{32}\.show-sender@streams\.example\.com$/);
    // A guest subscribed to the channel may post there too, and gets the same address.
    expect(await addressOf(guest, deploys)).toBe(address);
    // Not subscribed to a private channel: as if it did not exist.
    await fails(
      server.client(outsider).get(`/streams/${deploys}/email_address`),
      400,
      'Invalid channel ID',
    );
    // Can read the channel but not post (administrators only).
    await fails(
      server.client(member).get(`/streams/${announcements}/email_address`),
      400,
      'You do not have permission to post in this channel.',
    );
    expect(await addressOf(server.owner, announcements)).toMatch(/^announcements\./);
    await fails(
      server.client(member).get('/streams/999999/email_address'),
      400,
      'Invalid channel ID',
    );
    await server.restart();
    expect(await addressOf(member, deploys)).toBe(address);
  });

  it('gives bots the address of a channel they may post in; guests only for their channels', async () => {
    const bot = await createBot(server, member, 'mail-reader');
    const botMail = await makeStream(server, 'bot-mail', [member, bot]);
    expect(await addressOf(bot, botMail)).toMatch(/^bot-mail\.[0-9a-f]{32}\.show-sender@/);
    // A bot is refused where its role may not post, like anyone else.
    await fails(
      server.client(bot).get(`/streams/${announcements}/email_address`),
      400,
      'You do not have permission to post in this channel.',
    );
    // A guest does not reach a public channel they are not subscribed to.
    await fails(
      server.client(guest).get(`/streams/${botMail}/email_address`),
      400,
      'Invalid channel ID',
    );
    const anonymous = await server.client().get(`/streams/${botMail}/email_address`);
    expect(anonymous.status).toBe(401);
  });

  it('posts a piped multi-part email to the channel, with its file, and its message event', async () => {
    const address = await addressOf(member, deploys);
    const [queue] = await queues(server, ['message'], member);
    const run = await pipeToManage(
      cli,
      multipartEmail(address, 'Re: Deploy of v2.3'),
      '--recipient',
      address,
    );
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toMatch(/^Delivered as message \d+ in channel \d+$/);
    const [event] = await receive(queue, 1);
    const message = event.message as Record<string, unknown>;
    expect(message).toMatchObject({
      type: 'stream',
      stream_id: deploys,
      display_recipient: 'Deploys & Ops',
      subject: 'Deploy of v2.3',
      sender_full_name: 'Email Gateway',
      client: 'Internal',
    });
    const raw = await ok(
      server.client(member).get(`/messages/${message.id as number}`, { apply_markdown: false }),
    );
    const content = (raw.message as { content: string }).content;
    const link = /\[deploy\.log\]\((\/user_uploads\/\d+\/[^)]+\/deploy\.log)\)/.exec(content);
    expect(content.split('\n\n')[0]).toBe(
      'From: Carol Customer <carol@example.org>\nThe deploy went fine, log attached.',
    );
    expect(content).not.toContain('How did it go?');
    expect(content).not.toContain('\nCarol');
    expect(link).not.toBeNull();
    // The file is there for the channel's members, behind the access check.
    const signed = await ok(server.client(member).get(link![1]));
    const file = await request(server.url, 'GET', signed.url as string);
    expect(file.body.toString()).toBe('step 1 ok\nstep 2 ok\n');
    expect((await server.client(outsider).get(link![1])).status).toBe(404);
  });

  it('finds the channel from the headers, and honours the address flags', async () => {
    const address = await addressOf(member, deploys);
    const plain = address.replace('.show-sender', '.prefer-html.include-footer');
    const res = await postInternal(server, multipartEmail(plain, 'Fwd: html please'), SECRET);
    expect(res.status).toBe(200);
    const id = res.json().message_id as number;
    const got = await ok(server.client(member).get(`/messages/${id}`, { apply_markdown: false }));
    const message = got.message as { content: string; subject: string };
    expect(message.subject).toBe('html please');
    expect(message.content).toMatch(
      /^The deploy went \*\*fine\*\*, log attached\.\n\n\[deploy\.log\]/,
    );
  });

  it('refuses a wrong token, a wrong secret and an oversized email, with Postfix exit codes', async () => {
    const address = await addressOf(member, deploys);
    const forged = address.replace(/\.[0-9a-f]{32}\./, `.${'0'.repeat(32)}.`);
    const before = await server.db.one<{ n: string }>('SELECT count(*) AS n FROM messages');
    const unknown = await pipeToManage(cli, multipartEmail(forged, 'nope'), '-r', forged);
    expect(unknown.code).toBe(67);
    expect(unknown.stderr).toContain(`Bad channel token from email recipient ${forged}`);
    const notOurs = await postInternal(server, multipartEmail('someone@example.org', 'x'), SECRET);
    expect(notOurs.status).toBe(404);
    expect(notOurs.json()).toMatchObject({ result: 'error' });

    for (const secret of ['', 'wrong-secret-wrong-secret', `${SECRET}x`]) {
      const res = await postInternal(server, multipartEmail(address, 'x'), secret);
      expect([secret, res.status]).toEqual([secret, 401]);
    }
    // A user's own credentials do not open the intake.
    const asUser = await request(server.url, 'POST', '/api/internal/email_mirror_message', {
      body: multipartEmail(address, 'x'),
      credentials: member,
      headers: { 'content-type': 'message/rfc822' },
    });
    expect(asUser.status).toBe(401);

    const huge = Buffer.concat([
      multipartEmail(address, 'big'),
      Buffer.from(`\r\n${'x'.repeat(70_000)}\r\n`),
    ]);
    expect((await postInternal(server, huge, SECRET)).status).toBe(413);
    const piped = await pipeToManage(cli, huge, '-r', address);
    expect(piped.code).toBe(65);
    expect(piped.stderr).toMatch(/larger than EMAIL_GATEWAY_MAX_MESSAGE_BYTES/);

    const after = await server.db.one<{ n: string }>('SELECT count(*) AS n FROM messages');
    expect(after!.n).toBe(before!.n);
  });

  it('answers malformed intake requests with 4xx envelopes, never a 5xx', async () => {
    const address = await addressOf(member, deploys);
    const call = (path: string, body: Buffer, contentType?: string) =>
      request(server.url, 'POST', path, {
        body,
        headers: {
          authorization: `Bearer ${SECRET}`,
          ...(contentType ? { 'content-type': contentType } : {}),
        },
      });
    const base = '/api/internal/email_mirror_message';
    const cases: Array<[string, Promise<Awaited<ReturnType<typeof call>>>, number]> = [
      ['no content type', call(base, multipartEmail(address, 'x')), 415],
      ['a form', call(base, Buffer.from('a=b'), 'application/x-www-form-urlencoded'), 415],
      ['an empty body', call(base, Buffer.alloc(0), 'message/rfc822'), 400],
      [
        'two recipients',
        call(`${base}?recipient=a&recipient=b`, multipartEmail(address, 'x'), 'message/rfc822'),
        400,
      ],
      [
        'binary noise',
        call(base, Buffer.from([0, 255, 1, 254, 13, 10, 13, 10, 7]), 'message/rfc822'),
        404,
      ],
      [
        'a bare token',
        call(`${base}?recipient=${'f'.repeat(32)}`, multipartEmail(address, 'x'), 'message/rfc822'),
        404,
      ],
    ];
    for (const [label, pending, status] of cases) {
      const res = await pending;
      expect([label, res.status, res.json().result]).toEqual([label, status, 'error']);
    }
    // Still answering, and still delivering.
    expect((await postInternal(server, multipartEmail(address, 'after'), SECRET)).status).toBe(200);
  });

  it('asks Postfix to try again later when the server cannot be reached', async () => {
    const run = await pipeToManage(
      { ...cli, SERVER_URL: 'http://127.0.0.1:9' },
      multipartEmail('x@streams.example.com', 'later'),
    );
    expect(run.code).toBe(75);
    expect(run.stderr).toMatch(/unreachable/);
  });

  it('answers 400 for a channel address on a server without a gateway', async () => {
    const plain = await startTestServer();
    try {
      const bot = await createBot(plain, plain.owner, 'mailer');
      const general = await makeStream(plain, 'general-mail', [plain.owner, bot]);
      await fails(
        plain.client(bot).get(`/streams/${general}/email_address`),
        400,
        /email gateway is not configured/,
      );
      const res = await request(plain.url, 'POST', '/api/internal/email_mirror_message', {
        body: multipartEmail('x@streams.example.com', 'x'),
        headers: { authorization: `Bearer ${SECRET}`, 'content-type': 'message/rfc822' },
      });
      expect(res.status).toBe(401);
    } finally {
      await plain.stop();
    }
  });
});
