import { createHmac, randomUUID } from 'node:crypto';
import { escapeHtml } from '@hub/markdown/html';
import { INTEGRATIONS } from '../../integrations/registry';
import { rawRequest } from '../helpers/api-client';
import { GatewayStack, LandedMessage, streamNarrow, WebhookCall } from './helpers/gateway-stack';
import {
  BRANCH_CREATED,
  FORCE_PUSH,
  githubFixture,
  ownFixture,
  PR_OPENED,
} from './helpers/own-fixtures';

const asMessage = (m: LandedMessage) => ({ topic: m.subject, body: m.content });

const push = (query: Record<string, string>, extra: WebhookCall = {}): WebhookCall => ({
  query,
  headers: { 'X-GitHub-Event': 'push', ...extra.headers },
  body: githubFixture('push__force'),
  ...extra,
});

describe('webhook gateway: answers, filters and notices (through the real server)', () => {
  let stack: GatewayStack;

  beforeAll(async () => {
    stack = await GatewayStack.start();
  });
  afterAll(() => stack?.stop());

  /** Bot DMs to the owner whose text matches `pattern`, once the gateway has delivered all. */
  const noticesMatching = async (pattern: RegExp) => {
    await stack.drained();
    return (await stack.botDms()).filter((m) => pattern.test(m.content));
  };

  it('posts a push to the named stream and topic, as the bot', async () => {
    const stream = await stack.newStream();
    const reply = await stack.webhook('github', push({ stream }));
    expect(reply).toEqual({ status: 200, body: { result: 'success', msg: '' } });
    const landed = await stack.waitForMessages(streamNarrow(stream), 1);
    expect(landed.map(asMessage)).toEqual([FORCE_PUSH]);
    expect(landed[0].sender_id).toBe(stack.bot.id);
  });

  it('accepts the stream by id and the topic override', async () => {
    const stream = await stack.newStream();
    const id = await stack.ownerClient.get('/get_stream_id', { stream });
    const reply = await stack.webhook(
      'github',
      push({ stream: String(id.body.stream_id), topic: 'deploys' }),
    );
    expect(reply.status).toBe(200);
    const landed = await stack.waitForMessages(streamNarrow(stream), 1);
    expect(landed.map((m) => m.subject)).toEqual(['deploys']);
  });

  it('answers 400 REQUEST_VARIABLE_MISSING without api_key', async () => {
    const reply = await stack.webhook('github', push({ api_key: '', stream: 'x' }));
    expect(reply).toEqual({
      status: 400,
      body: expect.objectContaining({
        result: 'error',
        code: 'REQUEST_VARIABLE_MISSING',
        msg: "Missing 'api_key' argument",
      }),
    });
  });

  it('answers 401 INVALID_API_KEY for an unknown or malformed key', async () => {
    for (const apiKey of ['A'.repeat(32), 'short']) {
      const reply = await stack.webhook('github', push({ api_key: apiKey, stream: 'x' }));
      expect(reply.status).toBe(401);
      expect(reply.body).toMatchObject({ result: 'error', code: 'INVALID_API_KEY' });
    }
  });

  it("takes the key from HTTP basic auth (Zulip's legacy URLs), checking the email", async () => {
    const stream = await stack.newStream();
    const basic = (email: string) =>
      `Basic ${Buffer.from(`${email}:${stack.bot.apiKey}`).toString('base64')}`;
    const good = await stack.webhook(
      'github',
      push(
        { stream, api_key: '' },
        { headers: { 'X-GitHub-Event': 'push', Authorization: basic(stack.bot.email) } },
      ),
    );
    expect(good).toEqual({ status: 200, body: { result: 'success', msg: '' } });
    const wrongEmail = await stack.webhook(
      'github',
      push(
        { stream, api_key: '' },
        { headers: { 'X-GitHub-Event': 'push', Authorization: basic('someone@example.com') } },
      ),
    );
    expect(wrongEmail.status).toBe(401);
    expect(wrongEmail.body).toMatchObject({ code: 'INVALID_API_KEY' });
    expect((await stack.waitForMessages(streamNarrow(stream), 1)).map(asMessage)).toEqual([
      FORCE_PUSH,
    ]);
  });

  it('answers 404 for an integration that does not exist', async () => {
    const reply = await stack.webhook('nosuchtool', push({ stream: 'x' }));
    expect(reply.status).toBe(404);
    expect(reply.body).toMatchObject({ result: 'error', msg: 'Endpoint does not exist' });
  });

  it('answers a HEAD probe of a webhook URL with success (Trello checks its callback URL so)', async () => {
    const head = (name: string) =>
      fetch(new URL(`/api/v1/external/${name}`, stack.gatewayUrl), { method: 'HEAD' });
    expect((await head('trello')).status).toBe(200);
    expect((await head('nosuchtool')).status).toBe(404);
  });

  it("echoes Dropbox's URL challenge as text for a valid key, and refuses an unknown key", async () => {
    const challenge = (apiKey: string) => {
      const url = new URL('/api/v1/external/dropbox', stack.gatewayUrl);
      url.search = new URLSearchParams({ api_key: apiKey, challenge: 'c<h>1' }).toString();
      return fetch(url);
    };
    const ok = await challenge(stack.bot.apiKey);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await ok.text()).toBe('c<h>1');
    expect((await challenge('A'.repeat(32))).status).toBe(401);
  });

  it('answers 400 MISSING_HTTP_EVENT_HEADER and tells the owner once a minute', async () => {
    const stream = await stack.newStream();
    const call: WebhookCall = { query: { stream }, body: githubFixture('push__force') };
    const first = await stack.webhook('github', call);
    expect(first).toEqual({
      status: 400,
      body: {
        result: 'error',
        code: 'MISSING_HTTP_EVENT_HEADER',
        msg: "Missing the HTTP event header 'X-GitHub-Event'",
        header: 'X-GitHub-Event',
      },
    });
    const notice = /without the HTTP header `X-GitHub-Event`/;
    await stack.waitForMessages([{ operator: 'dm', operand: [stack.bot.email] }], 1);
    expect(await noticesMatching(notice)).toHaveLength(1);
    const second = await stack.webhook('github', call);
    expect(second.status).toBe(400);
    expect(await noticesMatching(notice)).toHaveLength(1);
    expect(await stack.messages(streamNarrow(stream))).toEqual([]);
  });

  it('answers 400 INVALID_JSON for a malformed body, and tells the owner', async () => {
    const stream = await stack.newStream();
    const call: WebhookCall = {
      query: { stream },
      headers: { 'X-GitHub-Event': 'push' },
      body: '{"ref": "refs/heads/main", ',
    };
    const reply = await stack.webhook('github', call);
    expect(reply).toEqual({
      status: 400,
      body: { result: 'error', code: 'INVALID_JSON', msg: 'Malformed JSON' },
    });
    expect(await noticesMatching(/whose body is not valid JSON/)).toHaveLength(1);
    expect((await stack.webhook('github', call)).status).toBe(400);
    expect(await noticesMatching(/whose body is not valid JSON/)).toHaveLength(1);
  });

  it('answers 400 ANOMALOUS_WEBHOOK_PAYLOAD for a payload of the right event it cannot read', async () => {
    const stream = await stack.newStream();
    const spoiled = JSON.parse(githubFixture('push__force')) as Record<string, unknown>;
    spoiled.commits = 'many';
    const reply = await stack.webhook(
      'github',
      push({ stream }, { body: JSON.stringify(spoiled) }),
    );
    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({
      result: 'error',
      code: 'ANOMALOUS_WEBHOOK_PAYLOAD',
      msg: 'Unable to parse request: Did GitHub generate this event?',
    });
    const notAnObject = await stack.webhook('github', push({ stream }, { body: '[1, 2]' }));
    expect(notAnObject.status).toBe(400);
    expect(notAnObject.body).toMatchObject({ code: 'ANOMALOUS_WEBHOOK_PAYLOAD' });
    await stack.drained();
    expect(await stack.messages(streamNarrow(stream))).toEqual([]);
  });

  it('answers an unsupported event with 200 and an "ignoring" error body', async () => {
    const stream = await stack.newStream();
    const reply = await stack.webhook('github', {
      query: { stream },
      headers: { 'X-GitHub-Event': 'sponsorship' },
      body: JSON.stringify({ action: 'created', sponsorship: {} }),
    });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({
      result: 'error',
      code: 'UNSUPPORTED_WEBHOOK_EVENT_TYPE',
      webhook_name: 'GitHub',
    });
    expect(reply.body.msg).toMatch(
      /^The 'sponsorship.*' event isn't currently supported by the GitHub webhook; ignoring$/,
    );
    await stack.drained();
    expect(await stack.messages(streamNarrow(stream))).toEqual([]);
  });

  it('answers a recognised but ignored event with plain success and posts nothing', async () => {
    const stream = await stack.newStream();
    const reply = await stack.webhook('github', {
      query: { stream },
      headers: { 'X-GitHub-Event': 'issue_comment' },
      body: githubFixture('issue_comment__edited_unchanged'),
    });
    expect(reply).toEqual({ status: 200, body: { result: 'success', msg: '' } });
    await stack.drained();
    expect(await stack.messages(streamNarrow(stream))).toEqual([]);
  });

  it('sends the message to the bot owner when the URL names no stream', async () => {
    const reply = await stack.webhook('github', push({ topic: 'ignored for DMs' }));
    expect(reply.status).toBe(200);
    await stack.drained();
    const dms = (await stack.botDms()).filter((m) => m.content === FORCE_PUSH.body);
    expect(dms).toHaveLength(1);
    expect(dms[0]).toMatchObject({ type: 'private', sender_id: stack.bot.id });
    const recipients = (dms[0].display_recipient as Array<{ id: number }>).map((r) => r.id).sort();
    expect(recipients).toEqual([stack.bot.id, stack.botOwner.id].sort());
  });

  it('answers 200 for a stream that does not exist and tells the owner once a minute', async () => {
    const reply = await stack.webhook('github', push({ stream: 'no-such-stream' }));
    expect(reply).toEqual({ status: 200, body: { result: 'success', msg: '' } });
    const notice = /channel #\*\*no-such-stream\*\*, but that channel does not exist/;
    const deadline = Date.now() + 15_000;
    while ((await noticesMatching(notice)).length === 0 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(await noticesMatching(notice)).toHaveLength(1);
    expect((await stack.webhook('github', push({ stream: 'no-such-stream' }))).status).toBe(200);
    expect(await noticesMatching(notice)).toHaveLength(1);
  });

  describe('only_events and exclude_events', () => {
    const send = async (stream: string, filter: Record<string, string>) => {
      const calls: WebhookCall[] = [
        push({ stream, ...filter }),
        {
          query: { stream, ...filter },
          headers: { 'X-GitHub-Event': 'create' },
          body: githubFixture('create__branch'),
        },
        {
          query: { stream, ...filter },
          headers: { 'X-GitHub-Event': 'pull_request' },
          body: githubFixture('pull_request__opened_long_title'),
        },
      ];
      for (const call of calls) {
        expect(await stack.webhook('github', call)).toMatchObject({
          status: 200,
          body: { result: 'success' },
        });
      }
    };
    const landedIn = async (stream: string, count: number) =>
      (await stack.waitForMessages(streamNarrow(stream), count)).map(asMessage);

    it('posts only events matching an only_events glob', async () => {
      const stream = await stack.newStream();
      await send(stream, { only_events: '["push_*"]' });
      expect(await landedIn(stream, 1)).toEqual([FORCE_PUSH]);
    });

    it('posts only the events named in an only_events list', async () => {
      const stream = await stack.newStream();
      await send(stream, { only_events: '["create", "*pull_request"]' });
      expect((await landedIn(stream, 2)).sort((a, b) => a.topic.localeCompare(b.topic))).toEqual([
        PR_OPENED,
        BRANCH_CREATED,
      ]);
    });

    it('drops events matching an exclude_events glob', async () => {
      const stream = await stack.newStream();
      await send(stream, { exclude_events: '["*_pull_request", "cr?ate"]' });
      expect(await landedIn(stream, 1)).toEqual([FORCE_PUSH]);
    });

    it('applies both: only_events first, then exclude_events', async () => {
      const stream = await stack.newStream();
      await send(stream, { only_events: '["*"]', exclude_events: '["push_commits"]' });
      expect((await landedIn(stream, 2)).map((m) => m.topic).sort()).toEqual(
        [PR_OPENED.topic, BRANCH_CREATED.topic].sort(),
      );
    });

    it('refuses a filter that is not a JSON list of strings', async () => {
      const notJson = await stack.webhook('github', push({ stream: 'x', only_events: 'push' }));
      expect(notJson.status).toBe(400);
      expect(notJson.body).toMatchObject({
        result: 'error',
        msg: 'Argument "only_events" is not valid JSON.',
      });
      const notList = await stack.webhook('github', push({ stream: 'x', exclude_events: '{}' }));
      expect(notList.status).toBe(400);
      expect(notList.body).toMatchObject({ result: 'error', var_name: 'exclude_events' });
    });
  });

  describe('branches', () => {
    it('posts pushes and branch events only for the listed branches', async () => {
      const stream = await stack.newStream();
      const create: WebhookCall = {
        headers: { 'X-GitHub-Event': 'create' },
        body: githubFixture('create__branch'),
      };
      for (const branches of ['dev,release', 'main, dev', 'feature/search']) {
        expect((await stack.webhook('github', push({ stream, branches }))).status).toBe(200);
        const reply = await stack.webhook('github', { ...create, query: { stream, branches } });
        expect(reply.status).toBe(200);
      }
      // Not branch-specific: a pull request posts whatever `branches` says.
      const pr = await stack.webhook('github', {
        query: { stream, branches: 'dev' },
        headers: { 'X-GitHub-Event': 'pull_request' },
        body: githubFixture('pull_request__opened_long_title'),
      });
      expect(pr.status).toBe(200);
      const landed = (await stack.waitForMessages(streamNarrow(stream), 3)).map(asMessage);
      expect(landed.sort((a, b) => a.topic.localeCompare(b.topic))).toEqual([
        PR_OPENED,
        BRANCH_CREATED,
        FORCE_PUSH,
      ]);
    });
  });

  it('posts a redelivered webhook (same X-GitHub-Delivery) once', async () => {
    const stream = await stack.newStream();
    const delivery = randomUUID();
    for (let i = 0; i < 3; i++) {
      const reply = await stack.webhook(
        'github',
        push({ stream }, { headers: { 'X-GitHub-Event': 'push', 'X-GitHub-Delivery': delivery } }),
      );
      expect(reply).toEqual({ status: 200, body: { result: 'success', msg: '' } });
    }
    const other = await stack.webhook(
      'github',
      push(
        { stream },
        { headers: { 'X-GitHub-Event': 'push', 'X-GitHub-Delivery': randomUUID() } },
      ),
    );
    expect(other.status).toBe(200);
    expect((await stack.waitForMessages(streamNarrow(stream), 2)).map(asMessage)).toEqual([
      FORCE_PUSH,
      FORCE_PUSH,
    ]);
  });

  it("serves the same webhook URL on the server's port (forwarded to the gateway)", async () => {
    const stream = await stack.newStream();
    const reply = await stack.webhook('github', push({ stream }, { via: 'server' }));
    expect(reply).toEqual({ status: 200, body: { result: 'success', msg: '' } });
    expect((await stack.waitForMessages(streamNarrow(stream), 1)).map(asMessage)).toEqual([
      FORCE_PUSH,
    ]);
    const missing = await stack.webhook('github', { via: 'server', query: { api_key: '' } });
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({ code: 'REQUEST_VARIABLE_MISSING' });
  });

  describe('the /integrations page', () => {
    const page = async (base: string, query = '') => {
      const url = new URL(`/integrations${query}`, base);
      const res = await rawRequest(url, 'GET', { host: url.host });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/text\/html/);
      return res.text;
    };

    it('lists every integration with its setup steps', async () => {
      const html = await page(stack.gatewayUrl);
      for (const integration of INTEGRATIONS) {
        expect(html).toContain(`<h2>${escapeHtml(integration.displayName)}</h2>`);
        expect(html).toContain(`/api/v1/external/${integration.name}?api_key=`);
      }
    });

    it("builds a webhook URL for a chosen bot, stream and topic, also on the server's port", async () => {
      const query = `?integration=gitlab&api_key=${stack.bot.apiKey}&stream=ci%20builds&topic=deploys`;
      for (const base of [stack.gatewayUrl, stack.server.url]) {
        const host = new URL(base).host;
        const html = await page(base, query);
        expect(html).toContain(
          `<pre><code>http://${host}/api/v1/external/gitlab?api_key=${stack.bot.apiKey}&amp;stream=ci+builds&amp;topic=deploys</code></pre>`,
        );
      }
    });

    it('escapes what the visitor typed', async () => {
      const html = await page(stack.gatewayUrl, '?integration=github&stream=%3Cscript%3E');
      expect(html).not.toContain('<script>');
    });
  });
});

describe('webhook gateway: signatures', () => {
  let stack: GatewayStack;
  const GITHUB_SECRET = 'It is a secret to everybody';
  const GITLAB_TOKEN = 'gitlab-token-for-the-hub';

  beforeAll(async () => {
    stack = await GatewayStack.start({
      secrets: (bot) => ({ [bot.email]: { github: GITHUB_SECRET, gitlab: GITLAB_TOKEN } }),
    });
  });
  afterAll(() => stack?.stop());

  const sign = (secret: string, body: string) =>
    `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

  it("accepts GitHub's X-Hub-Signature-256 over the raw body and refuses a mismatch with 401", async () => {
    const stream = await stack.newStream();
    const body = githubFixture('push__force');
    const withSignature = (signature?: string) =>
      stack.webhook('github', {
        query: { stream },
        headers: {
          'X-GitHub-Event': 'push',
          ...(signature ? { 'X-Hub-Signature-256': signature } : {}),
        },
        body,
      });
    const good = await withSignature(sign(GITHUB_SECRET, body));
    expect(good).toEqual({ status: 200, body: { result: 'success', msg: '' } });
    for (const bad of [
      sign('another secret', body),
      sign(GITHUB_SECRET, `${body} `),
      'sha256=nothex',
      undefined,
    ]) {
      const reply = await withSignature(bad);
      expect(reply.status).toBe(401);
      expect(reply.body).toMatchObject({ result: 'error' });
    }
    expect((await stack.waitForMessages(streamNarrow(stream), 1)).map(asMessage)).toEqual([
      FORCE_PUSH,
    ]);
  });

  it("checks GitLab's X-Gitlab-Token", async () => {
    const stream = await stack.newStream();
    const send = (token?: string) =>
      stack.webhook('gitlab', {
        query: { stream },
        headers: { 'X-Gitlab-Event': 'Push Hook', ...(token ? { 'X-Gitlab-Token': token } : {}) },
        body: JSON.stringify({
          object_kind: 'push',
          ref: 'refs/heads/main',
          before: '1111111aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
          after: '2222222bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb',
          user_name: 'Ada Lovelace',
          project: { name: 'hub-server', web_url: 'https://gitlab.example.org/team/hub-server' },
          commits: [],
          total_commits_count: 0,
        }),
      });
    expect((await send(GITLAB_TOKEN)).status).toBe(200);
    for (const bad of ['gitlab-token-for-the-huB', 'short', undefined]) {
      const reply = await send(bad);
      expect(reply.status).toBe(401);
      expect(reply.body).toMatchObject({ result: 'error' });
    }
    const landed = await stack.waitForMessages(streamNarrow(stream), 1);
    expect(landed.map((m) => m.subject)).toEqual(['hub-server / main']);
  });

  it('lets an integration of that bot without a configured secret through unsigned', async () => {
    const stream = await stack.newStream();
    const reply = await stack.webhook('buildbot', {
      query: { stream },
      body: ownFixture('buildbot', 'new'),
    });
    expect(reply.status).toBe(200);
    const landed = await stack.waitForMessages(streamNarrow(stream), 1);
    expect(landed.map((m) => m.subject)).toEqual(['hub-server']);
  });
});

describe('webhook gateway: body size limit and the in-process queue', () => {
  let stack: GatewayStack;

  beforeAll(async () => {
    stack = await GatewayStack.start({
      forward: false,
      redis: false,
      gatewayEnv: { WEBHOOK_MAX_BODY_BYTES: '1024' },
    });
  });
  afterAll(() => stack?.stop());

  it('answers 413 in the JSON envelope for a body over WEBHOOK_MAX_BODY_BYTES', async () => {
    const stream = await stack.newStream();
    const big = JSON.stringify({
      ...JSON.parse(githubFixture('push__force')),
      pad: 'x'.repeat(2000),
    });
    const reply = await stack.webhook('github', push({ stream }, { body: big }));
    expect(reply.status).toBe(413);
    expect(reply.body).toMatchObject({ result: 'error', msg: 'Request body too large' });
  });

  it('still delivers bodies under the limit, through the in-process queue', async () => {
    const stream = await stack.newStream();
    expect((await stack.webhook('github', push({ stream }))).status).toBe(200);
    expect((await stack.waitForMessages(streamNarrow(stream), 1)).map(asMessage)).toEqual([
      FORCE_PUSH,
    ]);
  });
});
