import { createHash } from 'node:crypto';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Role } from '../../apps/server/src/identity/user.types';
import { createBot, fails, ok } from '../api/api-fixtures';
import { startTestServer, TestServer, TestUser } from '../helpers/test-server';
import { CookieSession } from '../web/cookie-session';

const SECRET = 'fake-bbb-shared-secret-0042';

/**
 * A small BigBlueButton: `api/create` and `api/join` that check the request's checksum (SHA-1 of
 * call name, query and secret) as the real server does, and remember the meetings.
 */
class FakeBigBlueButton {
  readonly meetings = new Map<string, { name: string; moderatorPW: string; createTime: string }>();
  readonly calls: string[] = [];
  private server = http.createServer((req, res) => this.handle(req, res));
  url = '';

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/bigbluebutton/`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const [path, raw = ''] = (req.url ?? '').split('?');
    const call = /^\/bigbluebutton\/api\/([a-z]+)$/.exec(path)?.[1] ?? '';
    this.calls.push(call);
    const match = /^(.*)&checksum=([0-9a-f]+)$/.exec(raw);
    const xml = (body: string): void =>
      void res.writeHead(200, { 'content-type': 'text/xml' }).end(body);
    const expected =
      match && createHash('sha1').update(`${call}${match[1]}${SECRET}`).digest('hex');
    if (!match || match[2] !== expected) {
      return xml(
        '<response><returncode>FAILED</returncode><messageKey>checksumError</messageKey>' +
          '<message>Checksums do not match</message></response>',
      );
    }
    const q = new URLSearchParams(match[1]);
    const meetingID = q.get('meetingID') ?? '';
    if (call === 'create') {
      const meeting = this.meetings.get(meetingID) ?? {
        name: q.get('name') ?? '',
        moderatorPW: q.get('moderatorPW') ?? '',
        createTime: String(Date.now()),
      };
      this.meetings.set(meetingID, meeting);
      return xml(
        `<response><returncode>SUCCESS</returncode><meetingID>${meetingID}</meetingID>` +
          `<createTime>${meeting.createTime}</createTime><messageKey></messageKey></response>`,
      );
    }
    if (call === 'join') {
      const meeting = this.meetings.get(meetingID);
      if (
        !meeting ||
        meeting.moderatorPW !== q.get('password') ||
        meeting.createTime !== q.get('createTime')
      ) {
        return xml(
          '<response><returncode>FAILED</returncode><messageKey>invalidPassword</messageKey></response>',
        );
      }
      return void res
        .writeHead(200, { 'content-type': 'text/plain' })
        .end(`${q.get('fullName')} joined ${meeting.name} as moderator`);
    }
    res.writeHead(404).end();
  }
}

describe('BigBlueButton video calls (GET /calls/bigbluebutton/create, /calls/bigbluebutton/join)', () => {
  const bbb = new FakeBigBlueButton();
  let server: TestServer;
  let admin: TestUser;
  let member: TestUser;
  let guest: TestUser;
  let browser: CookieSession;

  beforeAll(async () => {
    await bbb.start();
    server = await startTestServer({
      env: { BIG_BLUE_BUTTON_URL: bbb.url, BIG_BLUE_BUTTON_SECRET: SECRET },
    });
    admin = await server.createUser({ role: Role.Administrator });
    member = await server.createUser({ fullName: 'Mia Member' });
    guest = await server.createUser({ role: Role.Guest });
    browser = new CookieSession(server.url);
    expect((await browser.login(member.email, member.password)).status).toBe(302);
  });
  afterAll(async () => {
    await server?.stop();
    await bbb.stop();
  });

  const create = (user: TestUser, params: Record<string, string | boolean> = {}) =>
    server.client(user).get('/calls/bigbluebutton/create', { meeting_name: 'Standup', ...params });

  it('gives every member, admin, guest and bot a signed join link; no one without an account', async () => {
    // Zulip restricts no role here (a bot may post a call link too); no event is sent.
    const bot = await createBot(server, member, 'caller');
    for (const user of [member, admin, guest, bot]) {
      const body = await ok(create(user));
      expect(body.url).toMatch(/^\/calls\/bigbluebutton\/join\?bigbluebutton=[A-Za-z0-9_.%-]+$/);
    }
    expect(bbb.calls).toEqual([]); // nothing is created until someone joins
    const anonymous = await server.client().get('/calls/bigbluebutton/create', {
      meeting_name: 'Standup',
    });
    expect(anonymous.status).toBe(401);
    await fails(server.client(member).get('/calls/bigbluebutton/create', {}), 400, /meeting_name/);
    await fails(create(member, { voice_only: 'perhaps' }), 400, /voice_only/);
  });

  it('joins through the server: it creates the meeting (checksummed) and redirects to the signed join URL', async () => {
    const { url } = await ok(create(member, { meeting_name: 'Design review', voice_only: true }));
    const res = await browser.get(url as string);
    expect(res.status).toBe(302);
    const location = new URL(res.headers.location ?? '');
    expect(location.href.startsWith(`${bbb.url}api/join?`)).toBe(true);
    expect(location.searchParams.get('fullName')).toBe('Mia Member');
    expect(bbb.calls).toEqual(['create']);
    const created = [...bbb.meetings.values()];
    expect(created).toEqual([expect.objectContaining({ name: 'Design review' })]);

    // The redirect is a join the BigBlueButton server accepts (its checksum, the password).
    const joined = await fetch(location);
    expect(await joined.text()).toBe('Mia Member joined Design review as moderator');

    // A second participant joins the same meeting.
    const other = new CookieSession(server.url);
    await other.login(admin.email, admin.password);
    const again = await other.get(url as string);
    expect(again.status).toBe(302);
    expect(bbb.meetings.size).toBe(1);
    expect(new URL(again.headers.location ?? '').searchParams.get('meetingID')).toBe(
      location.searchParams.get('meetingID'),
    );
  });

  it('refuses a tampered link, and sends a browser without a session to log in first', async () => {
    const { url } = await ok(create(member));
    const signed = new URL(url as string, server.url).searchParams.get('bigbluebutton') ?? '';
    const [payload, mac] = signed.split('.');
    const meeting = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<
      string,
      string
    >;
    const forged = Buffer.from(
      JSON.stringify({ ...meeting, meeting_id: 'zulip-someone-else' }),
    ).toString('base64url');
    const calls = bbb.calls.length;
    const tampered = await browser.get(
      `/calls/bigbluebutton/join?bigbluebutton=${encodeURIComponent(`${forged}.${mac}`)}`,
    );
    expect(tampered.status).toBe(400);
    expect(tampered.text).toContain('Invalid signature.');
    expect(bbb.calls.length).toBe(calls);

    const stranger = await new CookieSession(server.url).get(url as string);
    expect(stranger.status).toBe(302);
    const login = new URL(stranger.headers.location ?? '', server.url);
    expect(login.pathname).toBe('/login/');
    expect(login.searchParams.get('next')).toBe(url);
  });

  it('says so when the BigBlueButton server refuses the checksum or is down', async () => {
    const { url } = await ok(create(member));
    // A server with another secret: our checksum is refused.
    const wrong = await startTestServer({
      env: { BIG_BLUE_BUTTON_URL: bbb.url, BIG_BLUE_BUTTON_SECRET: 'another-secret-entirely' },
    });
    try {
      const user = await wrong.createUser();
      const session = new CookieSession(wrong.url);
      await session.login(user.email, user.password);
      const link = (
        await ok(wrong.client(user).get('/calls/bigbluebutton/create', { meeting_name: 'x' }))
      ).url as string;
      const refused = await session.get(link);
      expect(refused.status).toBe(502);
      expect(refused.text).toContain('Error authenticating to the BigBlueButton server.');
      // A link signed by another server's key is not honoured here.
      expect((await browser.get(link)).status).toBe(400);
    } finally {
      await wrong.stop();
    }
    await bbb.stop();
    const down = await browser.get(url as string);
    expect(down.status).toBe(502);
    expect(down.text).toContain('Error connecting to the BigBlueButton server.');
  });
});

describe('BigBlueButton without its settings', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.stop());

  it('answers a clear 400 in the envelope', async () => {
    const member = await server.createUser();
    await fails(
      server.client(member).get('/calls/bigbluebutton/create', { meeting_name: 'Standup' }),
      400,
      'BigBlueButton is not configured.',
    );
  });
});
