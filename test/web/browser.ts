import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { Browser, BrowserContext, chromium, Page } from 'playwright-core';
import { buildWebClientIfChanged } from '../../tools/web-client';
import type { TestServer, TestUser } from '../helpers/test-server';

/** The page's globals, inside `page.evaluate` (this project's TypeScript has no DOM library). */
declare const location: { hash: string };

/** Debian's Chromium (or CHROMIUM_PATH); there is no browser download. */
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const required = process.env.REQUIRE_SERVICES === '1';
const haveChromium = fs.existsSync(CHROMIUM);
if (!haveChromium && !required) {
  process.stderr.write(
    `[test] Chromium not found at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH): skipping the web client's browser suites\n`,
  );
}

// A browser, a server and two people per test: slow on a busy 2-core machine, never hung.
jest.setTimeout(180_000);

/** `describe` when Chromium is there (or must be: REQUIRE_SERVICES=1), else `describe.skip`. */
export const describeBrowser = haveChromium || required ? describe : describe.skip;

/** Where screenshots go (look at them: they are the client as a person sees it). */
export const SHOT_DIR = process.env.SCREENSHOT_DIR || path.join(os.tmpdir(), 'zulip-hub-web-shots');

/** Builds the client if its sources changed since the last build, and starts Chromium. */
export async function launchBrowser(): Promise<Browser> {
  if (!haveChromium) throw new Error(`REQUIRE_SERVICES=1 but Chromium is missing at ${CHROMIUM}`);
  buildWebClientIfChanged(path.resolve(__dirname, '../..'), () => undefined);
  fs.mkdirSync(SHOT_DIR, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update'],
  });
}

export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SHOT_DIR, `${name}.png`) });
}

/** A fresh browser profile, signed in to the client as `user`, with the feed on screen. */
export async function signedIn(
  browser: Browser,
  server: TestServer,
  user: Pick<TestUser, 'email' | 'password'>,
  options: {
    hash?: string;
    viewport?: { width: number; height: number };
    /** Runs on the fresh profile before anything loads (routes, for instance). */
    prepare?: (context: BrowserContext) => Promise<void>;
    /** The connection state to wait for: `Connected` (the socket) or `Connected (polling)`. */
    connected?: RegExp;
  } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    baseURL: server.url,
    viewport: options.viewport ?? { width: 1280, height: 800 },
  });
  await options.prepare?.(context);
  const page = await context.newPage();
  await page.goto('/login/');
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.waitForURL((url) => url.pathname === '/');
  if (options.hash) await page.evaluate((hash) => (location.hash = hash), options.hash);
  await page
    .getByRole('status')
    .filter({ hasText: /^Connected/ })
    .waitFor();
  return { context, page };
}

/**
 * Axe's serious and critical findings on the page (empty when it passes); `scope` (a CSS
 * selector) checks only that part, e.g. a dialog over a feed another test already checks.
 */
export async function seriousViolations(page: Page, scope?: string): Promise<string[]> {
  const builder = new AxeBuilder({ page });
  const result = await (scope ? builder.include(scope) : builder).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
}

/** The compose box, filled for a stream message and sent with Enter. */
export async function sendToStream(
  page: Page,
  stream: string,
  topic: string,
  text: string,
): Promise<void> {
  await page.getByRole('button', { name: 'Stream message' }).click();
  const streamField = page.getByLabel('Stream', { exact: true });
  await streamField.fill(stream);
  await streamField.press('Escape');
  await page.getByLabel('Topic', { exact: true }).fill(topic);
  await page.getByLabel('Topic', { exact: true }).press('Escape');
  const message = page.getByLabel('Message', { exact: true });
  await message.fill(text);
  await message.press('Enter');
}

/** The message in the feed whose text contains `text`. */
export function messageWith(page: Page, text: string) {
  return page.getByRole('article').filter({ hasText: text });
}

/** Polls `check` until it returns true (or throws its last failure after `timeoutMs`). */
export async function eventually(
  check: () => Promise<boolean>,
  what: string,
  timeoutMs = 15_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
