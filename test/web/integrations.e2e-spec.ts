import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { rawRequest } from '../helpers/api-client';
import { SHARED_WEBHOOK_FIXTURES } from '../gateway/helpers/fixture-cases';
import { GatewayStack, streamNarrow } from '../gateway/helpers/gateway-stack';
import {
  describeBrowser,
  eventually,
  launchBrowser,
  seriousViolations,
  shot,
  signedIn,
} from './browser';

/** The page's globals, inside `page.evaluate` (this project's TypeScript has no DOM library). */
declare const location: { hash: string };

const PUSH = path.join(SHARED_WEBHOOK_FIXTURES, 'github', 'push__1_commit.json');
const haveFixture = fs.existsSync(PUSH);
if (!haveFixture) {
  process.stderr.write(`[test] ${PUSH} is missing: skipping the integration hub's browser suite\n`);
}

/** The web client's integration hub against the real server and the real gateway. */
(haveFixture ? describeBrowser : describe.skip)('the integration hub in Chromium', () => {
  let browser: Browser;
  let stack: GatewayStack;

  beforeAll(async () => {
    browser = await launchBrowser();
    stack = await GatewayStack.start();
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  const post = (url: string, event: string, body: string) =>
    rawRequest(
      new URL(url),
      'POST',
      {
        host: new URL(url).host,
        'content-type': 'application/json',
        'x-github-event': event,
      },
      Buffer.from(body),
    );

  const rows = (page: Page) => page.locator('table.hub-table tbody tr');

  it('builds a webhook URL that receives GitHub pushes, lists the delivery, replays it once, and shows failures with their reason', async () => {
    const stream = await stack.newStream('github');
    const { context, page } = await signedIn(browser, stack.server, stack.botOwner);
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    try {
      await page.getByRole('button', { name: 'Settings menu' }).click();
      await page.getByRole('menuitem', { name: 'Integrations' }).click();
      const hub = page.getByRole('dialog', { name: 'Integration hub' });
      await hub.getByRole('heading', { level: 2, name: 'Integrations' }).waitFor();
      await hub.getByLabel('Search integrations').fill('git');
      await page.getByRole('button', { name: 'GitHub', exact: true }).click();
      await page.getByRole('heading', { name: 'GitHub webhook URL' }).waitFor();
      await hub.getByLabel('Channel').selectOption(stream);
      await hub.getByLabel('Topic').fill('hub');
      await hub.getByLabel('Branches').fill('changes, main');
      const url = await hub.getByRole('textbox', { name: 'Webhook URL', exact: true }).inputValue();
      const built = new URL(url);
      expect(built.origin).toBe(stack.server.url);
      expect(built.pathname).toBe('/api/v1/external/github');
      expect(Object.fromEntries(built.searchParams)).toEqual({
        api_key: stack.bot.apiKey,
        stream,
        topic: 'hub',
        branches: 'changes,main',
      });
      await page.getByRole('button', { name: 'Copy URL' }).click();
      await page.getByRole('status').filter({ hasText: 'URL copied' }).waitFor();
      await page.getByText('Signing secret (recommended)').click();
      expect(await hub.getByLabel('WEBHOOK_SECRETS_FILE entry').textContent()).toContain(
        `"${stack.bot.email}"`,
      );
      await shot(page, 'integrations-catalogue');
      expect(await seriousViolations(page)).toEqual([]);

      // The URL as built receives a captured GitHub push.
      const pushed = await post(url, 'push', fs.readFileSync(PUSH, 'utf8'));
      expect(pushed.status).toBe(200);
      const [first] = await stack.waitForMessages(streamNarrow(stream), 1);

      await page.evaluate(() => (location.hash = '#integrations/deliveries'));
      await page.getByRole('heading', { level: 2, name: 'Deliveries' }).waitFor();
      await eventually(async () => {
        await page.getByRole('button', { name: 'Refresh' }).click();
        return (await rows(page).first().textContent())?.includes('Delivered') === true;
      }, 'the delivery to be listed as delivered');
      const firstRow = rows(page).first();
      expect(await firstRow.textContent()).toContain('push');
      expect(await firstRow.getByRole('link', { name: 'View message' }).getAttribute('href')).toBe(
        `#narrow/id/${first.id}`,
      );
      await shot(page, 'integrations-deliveries');
      expect(await seriousViolations(page)).toEqual([]);

      // Replay: exactly one more message, even when asked twice.
      const replay = firstRow.getByRole('button', { name: /^Replay delivery/ });
      await replay.click();
      await page.getByRole('status').filter({ hasText: 'Replay queued' }).waitFor();
      await replay.click();
      const landed = await stack.waitForMessages(streamNarrow(stream), 2);
      await stack.drained();
      expect(landed.map((m) => m.content)).toEqual([first.content, first.content]);
      expect((await stack.messages(streamNarrow(stream))).length).toBe(2);
      await eventually(async () => {
        await page.getByRole('button', { name: 'Refresh' }).click();
        return (await rows(page).first().textContent())?.includes('(replay)') === true;
      }, 'the replay to be listed');
      expect(await rows(page).count()).toBe(2);

      // A failed delivery shows why.
      const failed = await post(url, 'no_such_event', '{}');
      expect(failed.status).toBe(200);
      await hub.getByLabel('Outcome').selectOption('failed');
      await eventually(async () => {
        await page.getByRole('button', { name: 'Refresh' }).click();
        return (await rows(page).count()) === 1;
      }, 'the failed delivery to be listed');
      expect(await rows(page).first().textContent()).toContain(
        "isn't currently supported by the GitHub webhook",
      );
      await page.getByRole('img', { name: /3 deliveries and 1 failures/ }).waitFor();
      await shot(page, 'integrations-failed');
      expect(await seriousViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
