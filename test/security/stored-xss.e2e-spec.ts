import { randomBytes } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { ApiClient, ApiResponse } from '../helpers/api-client';
import type { TestServer, TestUser } from '../helpers/test-server';
import { GatewayStack, streamNarrow } from '../gateway/helpers/gateway-stack';
import { request } from '../uploads/upload-client';
import { describeBrowser, eventually, launchBrowser, shot, signedIn } from '../web/browser';
import { XssProbe } from './xss-probe';
import { XSS_VECTORS, XssVector } from './xss-vectors';

/** The page's globals, inside `page.evaluate` (this project's TypeScript has no DOM library). */
declare const location: { hash: string };

const HOOK_STREAM = 'xss webhooks';
const PLAIN_STREAM = 'xss plain';

/** Where each vector was stored, and which surfaces refused it (with the refusal's status). */
interface Stored {
  surface: string;
  accepted: number;
  refusals: Map<number, number>;
  firstRefusal: string;
}

/**
 * Security class "stored XSS on every rendered surface": the 128-vector corpus is stored through
 * the API (and a webhook through the gateway) in every place a person can put text that the web
 * client shows to someone else; the client then shows each of those places in one Chromium
 * session, and nothing runs: no `__xss()` call, no dialog, no script the Content-Security-Policy
 * had to refuse (that would be a sanitizer hole hidden by the policy), no script-capable markup in
 * the document. The stored text stays as it was written (sanitizing happens at render).
 */
describeBrowser('security: stored XSS on every rendered surface', () => {
  let browser: Browser;
  let stack: GatewayStack;
  let server: TestServer;
  let owner: TestUser;
  let admin: ApiClient;
  const stored: Stored[] = [];
  /** Ids of every message carrying a vector: the feed must have shown each of them. */
  const messageIds: number[] = [];

  /** Stores each vector with `store`, counting what the server refused (never with a 5xx). */
  async function storeAll(
    surface: string,
    store: (v: XssVector) => Promise<ApiResponse | { status: number; msg?: string }>,
  ): Promise<number[]> {
    const entry: Stored = { surface, accepted: 0, refusals: new Map(), firstRefusal: '' };
    const accepted: number[] = [];
    for (const v of XSS_VECTORS) {
      const res = await store(v);
      expect(res.status).toBeLessThan(500);
      if (res.status === 200) {
        entry.accepted++;
        accepted.push(v.n);
      } else {
        entry.refusals.set(v.n, res.status);
        const msg = 'body' in res ? res.body.msg : (res.msg ?? 'refused');
        entry.firstRefusal ||= `${v.n}: ${msg}`;
      }
    }
    stored.push(entry);
    return accepted;
  }

  function sent(res: ApiResponse): ApiResponse {
    if (res.status === 200) messageIds.push(Number(res.body.id));
    return res;
  }

  /** A multipart upload whose file name is written as Chromium writes it (UTF-8, `"` and newlines escaped). */
  function upload(path: string, name: string, data: Buffer, user: TestUser) {
    const boundary = `----zh${randomBytes(8).toString('hex')}`;
    const escaped = name.replace(/"/g, '%22').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
    const body = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${escaped}"\r\n` +
          `Content-Type: application/octet-stream\r\n\r\n`,
        'utf8',
      ),
      data,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    return request(server.url, 'POST', path, {
      credentials: user,
      body,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
  }

  beforeAll(async () => {
    browser = await launchBrowser();
    stack = await GatewayStack.start({
      serverEnv: {
        PASSWORD_HASH_ITERATIONS: '1000',
        AUTH_RATE_LIMIT_PER_MINUTE: '1000',
        UPLOAD_RATE_LIMIT_PER_MINUTE: '100000',
      },
    });
    server = stack.server;
    owner = server.owner;
    admin = server.client(owner);
    await admin.post('/users/me/subscriptions', {
      subscriptions: [{ name: HOOK_STREAM }, { name: PLAIN_STREAM }],
    });

    // Linkifiers first, so the messages below are linkified by them.
    await storeAll('linkifier pattern', (v) =>
      admin.post('/realm/filters', { pattern: v.text, url_template: 'https://example.com/x' }),
    );
    await storeAll('linkifier template', (v) =>
      admin.post('/realm/filters', {
        pattern: `xl${v.n}x(?P<id>[0-9]+)`,
        url_template: `https://example.com/{id}/${v.text}`,
      }),
    );

    // One person, one stream, one topic and one message per vector: the feed shows all four.
    const people = new Map<number, TestUser>();
    await storeAll('user name', async (v) => {
      try {
        people.set(v.n, await server.createUser({ fullName: v.text }));
        return { status: 200 };
      } catch {
        return { status: 400 };
      }
    });
    const streams = new Map<number, string>();
    await storeAll('stream name and description', async (v) => {
      const res = await admin.post('/users/me/subscriptions', {
        subscriptions: [{ name: v.text, description: v.text }],
      });
      if (res.status === 200) streams.set(v.n, v.text);
      return res;
    });
    const topics = new Map<number, string>();
    await storeAll('message content and topic', async (v) => {
      const sender = people.get(v.n) ?? owner;
      const to = streams.get(v.n) ?? PLAIN_STREAM;
      const res = sent(
        await server
          .client(sender)
          .post('/messages', { type: 'stream', to, topic: v.text, content: v.text }),
      );
      if (res.status === 200) topics.set(v.n, v.text);
      else
        sent(
          await server
            .client(sender)
            .post('/messages', { type: 'stream', to, topic: `vector ${v.n}`, content: v.text }),
        );
      return res;
    });
    const triggers = XSS_VECTORS.map((v) => `xl${v.n}x7`);
    for (let i = 0; i < triggers.length; i += 32) {
      sent(
        await admin.post('/messages', {
          type: 'stream',
          to: PLAIN_STREAM,
          topic: 'linkifier triggers',
          content: triggers.slice(i, i + 32).join(' '),
        }),
      );
    }

    await storeAll('bot name', (v) =>
      admin.post('/bots', { full_name: v.text, short_name: `xb${v.n}`, bot_type: 1 }),
    );

    const fields = new Map<number, number>();
    await storeAll('custom profile field', async (v) => {
      const res = await admin.post('/realm/profile_fields', {
        name: v.text,
        hint: v.text,
        field_type: 1,
      });
      if (res.status === 200) fields.set(v.n, Number(res.body.id));
      return res;
    });
    await storeAll('custom profile field value', async (v) => {
      const id = fields.get(v.n) ?? [...fields.values()][0];
      return admin.patch('/users/me/profile_data', { data: [{ id, value: v.text }] });
    });

    const emojiImage = await sharp({
      create: { width: 16, height: 16, channels: 4, background: '#3366cc' },
    })
      .png()
      .toBuffer();
    const emoji = await storeAll('custom emoji name', async (v) => {
      const path = `/api/v1/realm/emoji/${encodeURIComponent(v.text)}`;
      const res = await upload(path, 'e.png', emojiImage, owner);
      return { status: res.status, msg: String(res.json().msg) };
    });
    const firstMessage = messageIds[0];
    for (const n of emoji) {
      const name = XSS_VECTORS[n - 1].text;
      await admin.post(`/messages/${firstMessage}/reactions`, { emoji_name: name });
    }

    const links: string[] = [];
    await storeAll('upload file name', async (v) => {
      const res = await upload('/api/v1/user_uploads', v.text, Buffer.from('x'), owner);
      // What the client's compose box writes for a dropped file.
      const body = res.json();
      if (res.status === 200) links.push(`[${v.text}](${String(body.url)})`);
      return { status: res.status, msg: String(body.msg) };
    });
    for (let i = 0; i < links.length; i += 16) {
      sent(
        await admin.post('/messages', {
          type: 'stream',
          to: PLAIN_STREAM,
          topic: 'uploads',
          content: links.slice(i, i + 16).join('\n'),
        }),
      );
    }

    // Webhook payload fields, through the gateway, rendered by an integration's template.
    await storeAll('webhook payload (helloworld)', async (v) => {
      const reply = await stack.webhook('helloworld', {
        query: { stream: HOOK_STREAM },
        body: JSON.stringify({ featured_title: v.text, featured_url: v.text }),
      });
      return { status: reply.status };
    });
    await stack.drained();
    const hooks = await stack.messages(streamNarrow(HOOK_STREAM));
    messageIds.push(...hooks.map((m) => m.id));
  }, 900_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('keeps every vector as written where it was accepted', async () => {
    expect(XSS_VECTORS).toHaveLength(128);
    expect(new Set(XSS_VECTORS.map((v) => v.text)).size).toBe(128);
    const report = stored.map(
      (s) => `${s.surface}: ${s.accepted} stored, ${s.refusals.size} refused (${s.firstRefusal})`,
    );
    process.stderr.write(`[stored-xss] ${report.join('; ')}\n`);
    // Names take everything but control characters (Zulip's rule): the protection is at render,
    // not by refusing input.
    const controls = XSS_VECTORS.filter((v) => /[\u0000-\u001f]/.test(v.text)).map((v) => v.n);
    for (const surface of ['user name', 'message content and topic', 'bot name']) {
      const refused = [...(stored.find((s) => s.surface === surface)?.refusals.keys() ?? [])];
      expect(refused.filter((n) => !controls.includes(n))).toEqual([]);
    }
    const messages = await admin.get('/messages', {
      anchor: 'oldest',
      num_before: 0,
      num_after: 1000,
      narrow: [],
      apply_markdown: false,
    });
    const raw = new Set((messages.body.messages as { content: string }[]).map((m) => m.content));
    for (const v of XSS_VECTORS) expect(raw.has(v.text)).toBe(true);
  });

  it('runs none of them in the web client', async () => {
    // Everything read: the feed opens at the newest message.
    await admin.post('/mark_all_as_read');
    const probe = new XssProbe();
    const { page } = await signedIn(browser, server, owner, {
      viewport: { width: 1280, height: 2400 },
      prepare: (context) => probe.attach(context),
    });

    await sweepFeed(page, probe, messageIds);
    await shot(page, 'stored-xss-feed');
    await probe.scan(page, 'sidebars');

    // The compose box's preview renders Markdown the server returns, as the feed does.
    await page.getByRole('button', { name: 'Stream message' }).click();
    await page
      .getByLabel('Message', { exact: true })
      .fill(XSS_VECTORS.map((v) => v.text).join('\n\n'));
    await page.getByRole('button', { name: 'Preview', exact: true }).click();
    await page.locator('.compose-preview').waitFor();
    await probe.scan(page, 'compose preview');
    await shot(page, 'stored-xss-compose-preview');

    const views: [string, string][] = [
      ['#settings/your-bots', 'Bots'],
      ['#organization/users', 'Users'],
      ['#organization/streams', 'Streams'],
      ['#organization/linkifier-settings', 'Linkifiers'],
      ['#organization/emoji-settings', 'Custom emoji'],
      ['#organization/profile-field-settings', 'Custom profile fields'],
      ['#integrations/deliveries', 'Deliveries'],
    ];
    for (const [hash, heading] of views) {
      await page.evaluate((h) => (location.hash = h), hash);
      // The last: the sidebar has a "Streams" heading of its own.
      await page.getByRole('heading', { level: 2, name: heading, exact: true }).last().waitFor();
      if (hash === '#organization/linkifier-settings') {
        // The preview links a sample text with the saved linkifiers, in the browser.
        const sample = XSS_VECTORS.map((v) => `xl${v.n}x7 ${v.text}`).join('\n');
        await page.getByLabel('Sample text').fill(sample);
      }
      await page.waitForTimeout(300);
      await probe.scan(page, hash);
      await shot(page, `stored-xss-${hash.replace(/\W+/g, '-')}`);
    }

    const none = { calls: [], dialogs: [], blockedScript: [], dangerousMarkup: [] };
    expect(await probe.findings()).toEqual(none);

    // Status: one per person; the owner's own takes each vector in turn, and the page shows it.
    await page.evaluate(() => (location.hash = '#settings/status'));
    await page.getByRole('heading', { level: 2, name: 'Status', exact: true }).waitFor();
    const shown = page.getByText('Your status now:').locator('strong');
    const statuses = await storeAll('user status', async (v) => {
      const res = await admin.post('/users/me/status', { status_text: v.text });
      if (res.status === 200) {
        await eventually(
          async () => (await shown.textContent()) === v.text.trim(),
          `status ${v.n} on the page`,
        );
      }
      return res;
    });
    expect(statuses.length).toBeGreaterThan(64);
    await probe.scan(page, '#settings/status');

    expect(await probe.findings()).toEqual(none);
  });
});

/**
 * Scrolls the feed a screen at a time (it renders only the rows near the viewport), up to the
 * oldest message and then down to the newest, scanning each screen, until every message in `ids`
 * was shown.
 */
async function sweepFeed(page: Page, probe: XssProbe, ids: number[]): Promise<void> {
  await page.getByRole('article').first().waitFor();
  const missing = new Set(ids);
  const deadline = Date.now() + 180_000;
  let direction = -1;
  let stillAtEdge = 0;
  while (missing.size > 0) {
    if (Date.now() > deadline) {
      throw new Error(`the feed never showed messages ${[...missing].slice(0, 20).join(', ')}`);
    }
    const shown = (await page.evaluate(
      `[...document.querySelectorAll('article[data-message-id]')].map((el) => Number(el.dataset.messageId))`,
    )) as number[];
    for (const id of shown) missing.delete(id);
    await probe.scan(page, 'feed');
    const moved = (await page.evaluate(`(() => {
      const f = document.querySelector('[data-testid=feed]');
      const before = f.scrollTop;
      f.scrollTop = before + ${direction} * f.clientHeight * 0.8;
      return f.scrollTop !== before;
    })()`)) as boolean;
    // At an edge for a while (older or newer messages would have loaded by now): turn around.
    stillAtEdge = moved ? 0 : stillAtEdge + 1;
    if (stillAtEdge >= 8) {
      direction = -direction;
      stillAtEdge = 0;
    }
    await page.waitForTimeout(250);
  }
}
