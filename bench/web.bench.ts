/**
 * The web client in Chromium, each figure beside a same-run baseline served by the same server:
 *
 * - first-load JavaScript (gzipped bytes the client's HTML loads before it can draw), beside the
 *   login page (no JavaScript at all);
 * - navigation → the feed showing the newest message of a stream, beside navigation → the last
 *   row of a static HTML page with the same 10,000 messages;
 * - scrolling from the newest to the oldest of a 10,000-message narrow (older pages load as it
 *   goes): the longest main-thread task, beside the same scroll through the static page.
 *
 * Goals: ≤ 250 KB gzipped, ≤ 1.5 s on loopback, no task over 50 ms while scrolling.
 *
 *   node dist/bench/web.bench.js [--messages 10000] [--runs 5]
 *
 * Needs Chromium (/usr/bin/chromium or CHROMIUM_PATH) and PostgreSQL (DATABASE_URL's server or
 * the local default), in a scratch database dropped afterwards.
 */
import 'reflect-metadata';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, Page } from 'playwright-core';
import { loadConfig } from '@hub/config';
import { createServerApp } from '../apps/server/src/bootstrap';
import { RealmsService } from '../apps/server/src/realms/realms.service';
import { UsersService } from '../apps/server/src/users/users.service';
import { Role } from '../apps/server/src/identity/user.types';
import { WEB_DIST_DIR } from '../apps/server/src/web/web-assets';
import { buildWebClientIfChanged } from '../tools/web-client';
import { basicAuth, call, inBatches, percentile, scratchDatabase, table } from './events-setup';

/** The page's globals, inside `page.evaluate` (this project's TypeScript has no DOM library). */
declare const document: {
  querySelector(
    selector: string,
  ): { scrollTop: number; scrollHeight: number; clientHeight: number } | null;
  scrollingElement: { scrollTop: number; scrollHeight: number; clientHeight: number };
};
declare const performance: { now(): number };
declare function requestAnimationFrame(fn: () => void): void;
declare class PerformanceObserver {
  constructor(fn: (list: { getEntries(): Array<{ duration: number }> }) => void);
  observe(options: { type: string; buffered: boolean }): void;
}

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const root = path.resolve(__dirname, '..', '..');

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(value) || value <= 0)
    throw new Error(`--${name} must be a positive whole number`);
  return value;
}

function textOption(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

/**
 * `--profile FILE`: a CPU profile of the client while it scrolls (open it in Chrome's DevTools),
 * and the functions that took the most time, printed.
 */
async function startProfiler(page: Page): Promise<{ stop(file: string): Promise<void> }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  return {
    async stop(file) {
      const { profile } = await cdp.send('Profiler.stop');
      fs.writeFileSync(file, JSON.stringify(profile));
      const nodes = new Map((profile.nodes as ProfileNode[]).map((n) => [n.id, n]));
      const self = new Map<string, number>();
      const deltas = profile.timeDeltas ?? [];
      (profile.samples ?? []).forEach((id, i) => {
        const frame = nodes.get(id)?.callFrame;
        if (!frame) return;
        const name = `${frame.functionName || '(anonymous)'} ${path.basename(frame.url)}:${frame.lineNumber + 1}`;
        self.set(name, (self.get(name) ?? 0) + (deltas[i] ?? 0) / 1000);
      });
      const top = [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 20);
      process.stdout.write(`\nCPU profile written to ${file}; self time while scrolling:\n`);
      for (const [name, ms] of top)
        process.stdout.write(`  ${ms.toFixed(0).padStart(7)} ms  ${name}\n`);
    },
  };
}

/** Gzipped bytes of the scripts the client's HTML loads (entry and preloaded chunks). */
function firstLoadScriptBytes(): { bytes: number; files: string[] } {
  const html = fs.readFileSync(path.join(WEB_DIST_DIR, 'index.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\/assets\/([^"]+\.js)"/g)].map((m) => m[1]);
  const bytes = files.reduce(
    (sum, f) => sum + gzipSync(fs.readFileSync(path.join(WEB_DIST_DIR, 'assets', f))).length,
    0,
  );
  return { bytes, files };
}

/** A static page with the same messages as plain HTML (the baseline), served from the assets folder. */
function writeStaticBaseline(count: number): string {
  const name = `bench-baseline-${process.pid}.html`;
  const rows = Array.from(
    { length: count },
    (_, i) =>
      `<article data-n="${i + 1}"><b>Bench Sender</b> <time>10:00</time><p>bench message ${i + 1} with some words in it</p></article>`,
  ).join('\n');
  fs.writeFileSync(
    path.join(WEB_DIST_DIR, 'assets', name),
    `<!doctype html><html><head><meta charset="utf-8"><title>baseline</title></head><body>${rows}</body></html>`,
  );
  return name;
}

/** Scrolls `selector` (or the page) from the bottom to the top, a screen a frame; returns the longest task. */
async function scrollToTop(
  page: Page,
  selector: string | null,
  doneWhen: string,
): Promise<{ longest: number; over50: number; seconds: number }> {
  return page.evaluate(
    async ({ selector, doneWhen }) => {
      const tasks: number[] = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) tasks.push(entry.duration);
      }).observe({ type: 'longtask', buffered: false });
      const el = selector ? document.querySelector(selector)! : document.scrollingElement;
      el.scrollTop = el.scrollHeight;
      const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
      await frame();
      const started = performance.now();
      while (performance.now() - started < 180_000) {
        el.scrollTop = Math.max(0, el.scrollTop - el.clientHeight);
        await frame();
        if (el.scrollTop === 0 && document.querySelector(doneWhen)) break;
      }
      await frame();
      return {
        longest: tasks.length ? Math.max(...tasks) : 0,
        over50: tasks.filter((t) => t > 50).length,
        seconds: (performance.now() - started) / 1000,
      };
    },
    { selector, doneWhen },
  );
}

async function main(): Promise<void> {
  const messages = option('messages', 10_000);
  const runs = option('runs', 5);
  if (!fs.existsSync(CHROMIUM))
    throw new Error(`Chromium not found at ${CHROMIUM} (set CHROMIUM_PATH)`);
  buildWebClientIfChanged(root, (line) => process.stdout.write(`${line}\n`));

  const db = await scratchDatabase();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zh-bench-web-'));
  const config = loadConfig({
    ...process.env,
    DATABASE_URL: db.url,
    DATA_DIR: dataDir,
    PORT: '0',
    EXTERNAL_HOST: 'localhost',
    LOG_LEVEL: 'error',
    RATE_LIMIT_PER_MINUTE: '1000000',
    PASSWORD_HASH_ITERATIONS: '1000',
    GATEWAY_URL: '',
  });
  const app = await createServerApp(config);
  await app.listen(0, '127.0.0.1');
  const base = new URL(
    `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`,
  );
  const baseline = writeStaticBaseline(messages);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update'],
  });
  try {
    const realm = await app.get(RealmsService).createRealm('', 'Bench');
    const password = 'bench password that is long enough 7';
    const user = await app.get(UsersService).createUser(realm, {
      email: 'reader@bench.test',
      fullName: 'Bench Reader',
      password,
      role: Role.Owner,
    });
    const agent = new http.Agent({ keepAlive: true });
    const auth = basicAuth(user);
    await call(agent, base, 'POST', '/users/me/subscriptions', auth, {
      subscriptions: JSON.stringify([{ name: 'bench' }]),
    });
    const streamId = Number(
      (await call(agent, base, 'GET', '/get_stream_id', auth, { stream: 'bench' })).body.stream_id,
    );
    process.stdout.write(`Seeding ${messages} messages…\n`);
    const ids: number[] = [];
    await inBatches(
      Array.from({ length: messages }, (_, i) => i + 1),
      12,
      async (n) => {
        const reply = await call(agent, base, 'POST', '/messages', auth, {
          type: 'stream',
          to: String(streamId),
          topic: `topic ${Math.floor((n - 1) / 25)}`,
          content: `bench message ${n} with some **words** in it`,
        });
        ids.push(Number(reply.body.id));
      },
    );
    ids.sort((a, b) => a - b);
    const oldest = ids[0];
    const newest = ids[ids.length - 1];

    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${base.origin}/login/`);
    await page.getByLabel('Email').fill(user.email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.waitForURL((url) => url.pathname === '/');

    const narrowUrl = `${base.origin}/#narrow/channel/${streamId}-bench`;
    const clientTimes: number[] = [];
    const staticTimes: number[] = [];
    for (let run = 0; run < runs; run++) {
      await page.goto('about:blank');
      await page.goto(narrowUrl, { waitUntil: 'commit' });
      await page.waitForSelector(`[data-message-id="${newest}"]`, { timeout: 30_000 });
      clientTimes.push(await page.evaluate(() => performance.now()));
      await page.goto('about:blank');
      await page.goto(`${base.origin}/assets/${baseline}`, { waitUntil: 'commit' });
      await page.waitForSelector(`[data-n="${messages}"]`, { timeout: 30_000 });
      staticTimes.push(await page.evaluate(() => performance.now()));
    }
    clientTimes.sort((a, b) => a - b);
    staticTimes.sort((a, b) => a - b);

    await page.goto(narrowUrl);
    await page.waitForSelector(`[data-message-id="${newest}"]`);
    const profileFile = textOption('profile');
    const profiler = profileFile ? await startProfiler(page) : null;
    const clientScroll = await scrollToTop(
      page,
      '[data-testid="feed"]',
      `[data-message-id="${oldest}"]`,
    );
    if (profiler && profileFile) await profiler.stop(profileFile);
    await page.goto(`${base.origin}/assets/${baseline}`);
    const staticScroll = await scrollToTop(page, null, '[data-n="1"]');

    const js = firstLoadScriptBytes();
    const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
    const ms = (value: number) => `${value.toFixed(0)} ms`;
    process.stdout.write(
      `\n${table([
        ['measure', 'web client', 'baseline', 'goal'],
        ['first-load JavaScript (gzipped)', kb(js.bytes), `${kb(0)} (login page)`, '≤ 250 KB'],
        [
          `navigation → newest message (median of ${runs})`,
          ms(percentile(clientTimes, 50)),
          `${ms(percentile(staticTimes, 50))} (static page, last row)`,
          '≤ 1500 ms',
        ],
        [
          `scroll ${messages} messages: longest task`,
          ms(clientScroll.longest),
          ms(staticScroll.longest),
          '≤ 50 ms',
        ],
        ['scroll: tasks over 50 ms', String(clientScroll.over50), String(staticScroll.over50), '0'],
        [
          'scroll: time to reach the oldest',
          `${clientScroll.seconds.toFixed(1)} s`,
          `${staticScroll.seconds.toFixed(1)} s`,
          '',
        ],
      ])}\n\nScripts loaded first: ${js.files.join(', ')}\n`,
    );
    await context.close();
  } finally {
    await browser.close();
    fs.rmSync(path.join(WEB_DIST_DIR, 'assets', baseline), { force: true });
    await app.close();
    await db.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`web bench failed: ${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
