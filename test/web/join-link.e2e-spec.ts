import type { Browser } from 'playwright-core';
import { Role } from '../../apps/server/src/identity/user.types';
import { lastConfirmationKey } from '../accounts/mail-helper';
import { startTestServer, TestServer } from '../helpers/test-server';
import { describeBrowser, launchBrowser, seriousViolations, shot, signedIn } from './browser';

describeBrowser('reusable invitation link in Chromium', () => {
  let browser: Browser;
  let server: TestServer;
  beforeAll(async () => {
    browser = await launchBrowser();
    server = await startTestServer();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('signs a new person up through the link mailed to them, with the link’s role and streams; a revoked link says so', async () => {
    const owner = server.client(server.owner);
    await owner.post('/users/me/subscriptions', { subscriptions: [{ name: 'welcome-desk' }] });
    const streamId = (await owner.get('/get_stream_id', { stream: 'welcome-desk' })).body
      .stream_id as number;
    // The owner makes the link in the organization settings.
    const admin = await signedIn(browser, server, server.owner, {
      hash: '#organization/invites-list',
    });
    await admin.page.getByRole('button', { name: 'Create an invitation link…' }).click();
    const form = admin.page.getByRole('form', { name: 'Invitation link' });
    await form
      .getByLabel('People joining by the link join as')
      .selectOption({ label: 'Moderator' });
    await form.getByRole('checkbox', { name: '#welcome-desk' }).check();
    await form.getByRole('button', { name: 'Create link' }).click();
    const note = admin.page.getByRole('status').filter({ hasText: 'Anyone with this link' });
    const link = new URL(
      /(https?:\/\/\S+\/join\/[a-z0-9]+\/)/.exec(await note.innerText())?.[1] ?? '',
    );
    await admin.page
      .getByRole('row', { name: new RegExp(link.pathname) })
      .getByText('Moderator')
      .waitFor();
    expect(await seriousViolations(admin.page)).toEqual([]);
    expect(streamId).toEqual(expect.any(Number));

    const context = await browser.newContext({ baseURL: server.url });
    const page = await context.newPage();
    await page.goto(link.pathname);
    await page.getByRole('heading', { name: 'Join Test Org' }).waitFor();
    await page.getByText(/invited to join as a moderator/).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    // The link asks for the address only; the rest happens behind the link mailed there.
    await page.getByLabel('Email').fill('link-joiner@example.com');
    await page.getByRole('button', { name: 'Send the link' }).click();
    await page.getByRole('heading', { name: 'Check your email' }).waitFor();
    await page.getByText(/We sent a message to link-joiner@example.com/).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'join-link-check-email');
    expect(await page.getByLabel('Password').count()).toBe(0);
    expect(
      await server.db.rows(`SELECT 1 FROM users WHERE email = 'link-joiner@example.com'`),
    ).toEqual([]);

    const key = lastConfirmationKey(server.config.dataDir, 'link-joiner@example.com');
    await page.goto(`/accounts/do_confirm/${key}`);
    await page.getByRole('heading', { name: 'Create your account' }).waitFor();
    await page.getByText('link-joiner@example.com').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByLabel('Full name').fill('Link Joiner');
    await page.getByLabel('Password', { exact: true }).fill('short');
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toMatch(/too short/);
    await page.getByLabel('Password', { exact: true }).fill('a long and unusual passphrase 9031');
    await shot(page, 'join-link-confirm');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByText(/is ready, and you are logged in/).waitFor();
    await page.getByRole('link', { name: /^Open / }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /^Connected/ })
      .waitFor();
    const me = await page.evaluate(async () => {
      const self = (await (await fetch('/json/users/me')).json()) as {
        full_name: string;
        role: number;
      };
      const subs = (await (await fetch('/json/users/me/subscriptions')).json()) as {
        subscriptions: { name: string }[];
      };
      return { ...self, streams: subs.subscriptions.map((s) => s.name) };
    });
    expect(me).toMatchObject({ full_name: 'Link Joiner', role: Role.Moderator });
    expect(me.streams).toContain('welcome-desk');
    await context.close();

    await admin.page.getByRole('button', { name: 'Revoke invitation link' }).click();
    await admin.page
      .getByRole('status')
      .filter({ hasText: 'The invitation link is revoked.' })
      .waitFor();
    await admin.context.close();
    expect(
      ((await owner.get('/invites')).body.invites as { is_multiuse: boolean }[]).filter(
        (i) => i.is_multiuse,
      ),
    ).toEqual([]);
    const later = await browser.newContext({ baseURL: server.url });
    const again = await later.newPage();
    const answer = await again.goto(link.pathname);
    expect(answer?.status()).toBe(400);
    await again.getByText('This invitation link has been revoked').waitFor();
    await later.close();
  });
});
