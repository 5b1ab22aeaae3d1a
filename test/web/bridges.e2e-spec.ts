import type { Browser } from 'playwright-core';
import { Database } from '../../apps/server/src/database/database.service';
import { startTestServer, TestServer, TestUser } from '../helpers/test-server';
import { createBot } from '../api/api-fixtures';
import { describeBrowser, launchBrowser, seriousViolations, shot, signedIn } from './browser';

/** The integration hub's Bridges page: what the running bridges reported, for administrators. */
describeBrowser('the Bridges page in Chromium', () => {
  let browser: Browser;
  let server: TestServer;
  let member: TestUser;

  const report = (protocol: string, mappings: object[]) => ({
    protocol,
    remote_state: 'connected',
    chat_connected: true,
    queue_to_chat: 0,
    queue_to_remote: 2,
    last_message_to_chat: Math.floor(Date.now() / 1000) - 90,
    last_message_to_remote: null,
    mappings,
    report_interval: 60,
  });

  beforeAll(async () => {
    browser = await launchBrowser();
    server = await startTestServer({ env: { AUTH_RATE_LIMIT_PER_MINUTE: '100' } });
    member = await server.createUser({ fullName: 'Mia Member' });
    const irc = await createBot(server, server.owner, 'irc-bridge');
    const xmpp = await createBot(server, server.owner, 'xmpp-bridge');
    const posted = await server.client(irc).post(
      '/bridges/health',
      report('irc', [
        { remote: '#dev', stream: 'dev', joined: true },
        { remote: '#ops', stream: 'ops', topic: 'alerts', joined: true },
      ]),
    );
    expect(posted.body.result).toBe('success');
    await server
      .client(xmpp)
      .post(
        '/bridges/health',
        report('jabber', [
          { remote: 'lobby@conference.example.com', stream: 'lobby/xmpp', joined: true },
        ]),
      );
    // The XMPP bridge went quiet ten minutes ago.
    await server.app
      .get(Database)
      .execute(
        `UPDATE bridge_health SET reported_at = now() - interval '10 minutes' WHERE bot_id = $1`,
        [xmpp.id],
      );
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows administrators each bridge, its state, queue and channels, with stale ones called out', async () => {
    const { context, page } = await signedIn(browser, server, server.owner, {
      hash: '#integrations/bridges',
    });
    try {
      const table = page.getByRole('table', { name: 'Bridges' });
      await table.waitFor();
      const ircRow = table.getByRole('row', { name: /Bot irc-bridge/ });
      await expect(ircRow.textContent()).resolves.toMatch(/Connected/);
      await expect(ircRow.textContent()).resolves.toMatch(/#ops ↔ #ops > alerts/);
      await expect(ircRow.textContent()).resolves.toMatch(/0 \/ 2/);
      const xmppRow = table.getByRole('row', { name: /Bot xmpp-bridge/ });
      await expect(xmppRow.textContent()).resolves.toMatch(/Not reporting/);
      await expect(xmppRow.textContent()).resolves.toMatch(/XMPP/);
      expect(await seriousViolations(page)).toEqual([]);
      await shot(page, 'integrations-bridges');
    } finally {
      await context.close();
    }
  });

  it('tells members the page is for administrators', async () => {
    const { context, page } = await signedIn(browser, server, member, {
      hash: '#integrations/bridges',
    });
    try {
      await page
        .getByRole('alert')
        .filter({ hasText: 'Only organization administrators and owners can open these pages.' })
        .waitFor();
      await expect(page.getByRole('table', { name: 'Bridges' }).count()).resolves.toBe(0);
    } finally {
      await context.close();
    }
  });
});
