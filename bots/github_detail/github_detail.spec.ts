import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startTestBot, type TestBot } from '../framework/testing';
import { findReferences, GithubDetailBot, MAX_REFERENCES } from './github_detail.bot';

interface Fixture {
  status: number;
  body: object;
}

/** A local stand-in for api.github.com serving fixed issues, so the spec runs offline. */
const ISSUES: Record<string, Fixture> = {
  '/repos/zulip/zulip/issues/123': {
    status: 200,
    body: {
      number: 123,
      title: 'Add dark mode',
      state: 'open',
      html_url: 'https://github.com/zulip/zulip/issues/123',
      user: { login: 'alice', html_url: 'https://github.com/alice' },
      body: 'It would be nice to have a dark theme.',
    },
  },
  '/repos/zulip/zulip/issues/5': {
    status: 200,
    body: {
      number: 5,
      title: 'Fix login',
      state: 'closed',
      html_url: 'https://github.com/zulip/zulip/pull/5',
      user: { login: 'bob', html_url: 'https://github.com/bob' },
      body: null,
      pull_request: { url: 'https://api.github.com/repos/zulip/zulip/pulls/5' },
    },
  },
  '/repos/broken/repo/issues/1': { status: 500, body: { message: 'Server Error' } },
};

describe('github_detail bot', () => {
  let server: Server;
  let apiUrl: string;
  const authHeaders: Array<string | undefined> = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      authHeaders.push(req.headers.authorization);
      const fixture = ISSUES[req.url ?? ''] ?? { status: 404, body: { message: 'Not Found' } };
      res.writeHead(fixture.status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(fixture.body));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const start = (extra: Record<string, string> = {}): Promise<TestBot> =>
    startTestBot(new GithubDetailBot(), {
      config: { github_detail: { github_api_url: apiUrl, ...extra } },
    });

  it('expands an issue reference with title, author, state and text', async () => {
    const bot = await start();
    expect(await bot.say('see zulip/zulip#123 please')).toEqual([
      [
        '**[zulip/zulip#123](https://github.com/zulip/zulip/issues/123) Add dark mode**',
        'Issue by **[alice](https://github.com/alice)**, open',
        '```quote',
        'It would be nice to have a dark theme.',
        '```',
      ].join('\n'),
    ]);
  });

  it('expands several references, pull requests included, in one reply', async () => {
    const bot = await start();
    const [reply] = await bot.say('zulip/zulip#5 and zulip/zulip#123 and zulip/zulip#5 again');
    const parts = reply.split('\n\n');
    expect(parts).toHaveLength(2);
    expect(parts[0]).toBe(
      '**[zulip/zulip#5](https://github.com/zulip/zulip/pull/5) Fix login**\n' +
        'Pull request by **[bob](https://github.com/bob)**, closed',
    );
  });

  it('uses the configured default repository for a bare #123, and the token', async () => {
    authHeaders.length = 0;
    const bot = await start({ owner: 'zulip', repo: 'zulip', github_token: 'sekret' });
    const [reply] = await bot.say('what about #123?');
    expect(reply).toMatch(/^\*\*\[zulip\/zulip#123\]/);
    expect(authHeaders).toEqual(['token sekret']);
  });

  it('says what went wrong for a missing issue, a failing API and an unreachable one', async () => {
    const bot = await start();
    expect(await bot.say('zulip/zulip#999')).toEqual(['Could not find zulip/zulip#999.']);
    expect(await bot.say('broken/repo#1')).toEqual([
      'Could not look up broken/repo#1: GitHub answered 500.',
    ]);
    const offline = await startTestBot(new GithubDetailBot(), {
      config: { github_detail: { github_api_url: 'http://127.0.0.1:1' } },
    });
    expect(await offline.say('zulip/zulip#123')).toEqual([
      'Could not look up zulip/zulip#123: GitHub could not be reached.',
    ]);
  });

  it('answers with its usage when the message has no reference', async () => {
    const bot = await start();
    expect(await bot.say('hello')).toEqual([new GithubDetailBot().usage()]);
    expect(await bot.say('#123 without a default repository')).toEqual([
      new GithubDetailBot().usage(),
    ]);
  });

  it('expands at most a few references per message', async () => {
    const bot = await start();
    const many = Array.from({ length: MAX_REFERENCES + 2 }, (_, i) => `zulip/zulip#${1000 + i}`);
    const [reply] = await bot.say(many.join(' '));
    expect(reply.split('\n\n')).toHaveLength(MAX_REFERENCES + 1);
    expect(reply).toMatch(/only the first 5 references are shown/);
  });

  it('finds references but not URLs fragments or headings', () => {
    expect(findReferences('a/b#1, c-d/e.f#22 https://x.org/page#3 ##4')).toEqual([
      { owner: 'a', repo: 'b', number: 1 },
      { owner: 'c-d', repo: 'e.f', number: 22 },
    ]);
  });
});
