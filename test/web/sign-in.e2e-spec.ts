import { ChildProcess, spawn } from 'node:child_process';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { freePort } from '../gateway/helpers/gateway-stack';
import { lastConfirmationKey } from '../accounts/mail-helper';
import { startTestServer, TestServer, TestUser } from '../helpers/test-server';
import { describeBrowser, launchBrowser, seriousViolations, shot } from './browser';

/** The page's globals, inside `page.evaluate` (this project's TypeScript has no DOM library). */
declare const document: { cookie: string };

/** The provider's own (development) sign-in and consent pages: any name is accepted. */
async function signInAtProvider(page: Page, email: string): Promise<void> {
  await page.locator('input[name=login]').fill(email);
  await page.locator('input[name=password]').fill('anything');
  await shot(page, 'oidc-provider-login');
  await page.locator('button[type=submit]').click();
  await page.locator('button[type=submit]').click();
}

describeBrowser('web sign-in in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser?.close());

  describe('password', () => {
    let server: TestServer;
    let alice: TestUser;
    beforeAll(async () => {
      server = await startTestServer();
      alice = await server.createUser({ fullName: 'Alice Liddell' });
    });
    afterAll(() => server.stop());

    it('logs in and out, and says so when the password is wrong', async () => {
      const context = await browser.newContext({ baseURL: server.url });
      const page = await context.newPage();
      await page.goto('/');
      await page.waitForURL(/\/login\/$/);
      expect(await seriousViolations(page)).toEqual([]);
      await shot(page, 'login');
      // The sign-in pages follow the system's dark theme, and stay readable in it.
      await page.emulateMedia({ colorScheme: 'dark' });
      expect(await seriousViolations(page)).toEqual([]);
      await shot(page, 'login-dark');
      await page.emulateMedia({ colorScheme: 'light' });

      await page.getByLabel('Email').fill(alice.email);
      await page.getByLabel('Password').fill('certainly not the password');
      await page.getByRole('button', { name: 'Log in' }).click();
      await expect(page.getByRole('alert').textContent()).resolves.toMatch(
        /username or password is incorrect/,
      );
      await shot(page, 'login-wrong-password');

      await page.getByLabel('Password').fill(alice.password);
      await page.getByRole('button', { name: 'Log in' }).click();
      await page.waitForURL((url) => url.pathname === '/');
      await page
        .getByRole('status')
        .filter({ hasText: /^Connected/ })
        .waitFor();
      await expect(page.getByRole('link', { name: 'All messages' }).count()).resolves.toBe(1);

      await page.getByRole('button', { name: 'Log out' }).click();
      await page.waitForURL(/\/login\/$/);
      // The session ended on the server: the client no longer opens.
      await page.goto('/');
      await page.waitForURL(/\/login\/$/);
      await context.close();
    });

    it('creates an invited account from the mailed link and opens the chat signed in', async () => {
      const invited = await server.client(server.owner).post('/invites', {
        invitee_emails: 'newcomer@example.com',
        stream_ids: [],
      });
      expect(invited.status).toBe(200);
      const key = lastConfirmationKey(server.config.dataDir, 'newcomer@example.com');
      const context = await browser.newContext({ baseURL: server.url });
      const page = await context.newPage();
      await page.goto(`/accounts/do_confirm/${key}`);
      await page.getByRole('heading', { name: 'Create your account' }).waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await page.getByLabel('Full name').fill('New Comer');
      await page.getByLabel('Password').fill('short');
      await page.getByRole('button', { name: 'Create account' }).click();
      await expect(page.getByRole('alert').textContent()).resolves.toMatch(/too short/);
      await page.getByLabel('Password').fill('a long and unusual passphrase 4417');
      await page.getByRole('button', { name: 'Create account' }).click();
      await page.getByText(/is ready, and you are logged in/).waitFor();
      await shot(page, 'signup-done');
      await page.getByRole('link', { name: /^Open / }).click();
      await page
        .getByRole('status')
        .filter({ hasText: /^Connected/ })
        .waitFor();
      const me = await page.evaluate(
        async () => (await (await fetch('/json/users/me')).json()) as { full_name: string },
      );
      expect(me.full_name).toBe('New Comer');
      await context.close();
    });

    it('refuses a /json/ POST that carries no CSRF token, from the signed-in page itself', async () => {
      const context = await browser.newContext({ baseURL: server.url });
      const page = await context.newPage();
      await page.goto('/login/');
      await page.getByLabel('Email').fill(alice.email);
      await page.getByLabel('Password').fill(alice.password);
      await page.getByRole('button', { name: 'Log in' }).click();
      await page.waitForURL((url) => url.pathname === '/');
      const answers = await page.evaluate(async () => {
        const body = new URLSearchParams({ type: 'direct', to: '[]', content: 'x' });
        const bare = await fetch('/json/messages', { method: 'POST', body });
        const token = /csrftoken=([^;]+)/.exec(document.cookie)?.[1] ?? '';
        const me = await fetch('/json/users/me');
        const withToken = await fetch('/json/users/me/presence', {
          method: 'POST',
          body: new URLSearchParams({ status: 'active' }),
          headers: { 'X-CSRFToken': decodeURIComponent(token) },
        });
        return {
          bare: [bare.status, await bare.json()],
          me: me.status,
          withToken: withToken.status,
        };
      });
      expect(answers.bare[0]).toBe(403);
      expect(answers.bare[1]).toMatchObject({ result: 'error', code: 'CSRF_FAILED' });
      expect(answers.me).toBe(200);
      expect(answers.withToken).toBe(200);
      await context.close();
    });
  });

  describe('remote-user SSO', () => {
    it('signs in the user a trusted front server names', async () => {
      const server = await startTestServer({
        env: {
          TRUSTED_PROXIES: '127.0.0.1',
          SSO_REMOTE_USER_HEADER: 'X-Remote-User',
          SSO_APPEND_DOMAIN: 'example.com',
        },
      });
      try {
        await server.createUser({ email: 'sso-user@example.com', fullName: 'Sso User' });
        const context = await browser.newContext({
          baseURL: server.url,
          extraHTTPHeaders: { 'X-Remote-User': 'sso-user' },
        });
        const page = await context.newPage();
        await page.goto('/login/');
        await page.getByRole('link', { name: 'Log in with single sign-on' }).click();
        await page.waitForURL((url) => url.pathname === '/');
        await page
          .getByRole('status')
          .filter({ hasText: /^Connected/ })
          .waitFor();
        const me = await page.evaluate(
          async () => (await (await fetch('/json/users/me')).json()) as { email: string },
        );
        expect(me.email).toBe('sso-user@example.com');
        await context.close();
      } finally {
        await server.stop();
      }
    });

    it('ignores the header when it does not come from a trusted proxy', async () => {
      const server = await startTestServer({
        env: { TRUSTED_PROXIES: '192.0.2.1', SSO_REMOTE_USER_HEADER: 'X-Remote-User' },
      });
      try {
        const context = await browser.newContext({
          baseURL: server.url,
          extraHTTPHeaders: { 'X-Remote-User': server.owner.email },
        });
        const page = await context.newPage();
        const answer = await page.goto('/accounts/login/sso/');
        expect(answer?.status()).toBe(403);
        await expect(page.getByRole('alert').textContent()).resolves.toMatch(/sign-in server/);
        await page.goto('/');
        await page.waitForURL(/\/login\/$/);
        await context.close();
      } finally {
        await server.stop();
      }
    });
  });

  describe('OpenID Connect', () => {
    let server: TestServer;
    let provider: ChildProcess | undefined;

    beforeAll(async () => {
      const providerPort = await freePort();
      const secret = 'a-client-secret-for-the-test-provider';
      server = await startTestServer({
        env: {
          OIDC_ISSUER: `http://127.0.0.1:${providerPort}`,
          OIDC_CLIENT_ID: 'zulip-hub',
          OIDC_CLIENT_SECRET: secret,
          OIDC_NAME: 'Test IdP',
          // The test provider runs on loopback: a private address the server may reach only so.
          OIDC_ALLOWED_HOSTS: '127.0.0.1',
        },
      });
      await server.createUser({ email: 'oidc-person@example.com', fullName: 'Oidc Person' });
      // A real provider (oidc-provider), in its own process: it is an ES module built for Node's own loader.
      const child = spawn(
        process.execPath,
        [
          path.join(__dirname, 'oidc-provider.mjs'),
          String(providerPort),
          'zulip-hub',
          secret,
          `${server.url}/accounts/login/oidc/callback`,
        ],
        { stdio: ['ignore', 'pipe', 'ignore'] },
      );
      provider = child;
      await new Promise<void>((resolve, reject) => {
        child.stdout?.on('data', (chunk: Buffer) => {
          if (chunk.toString().includes('ready')) resolve();
        });
        child.once('exit', (code) => reject(new Error(`the OIDC provider exited (${code})`)));
      });
    });
    afterAll(async () => {
      provider?.kill('SIGTERM');
      await server?.stop();
    });

    it('signs in the account whose address the provider has verified', async () => {
      const context = await browser.newContext({ baseURL: server.url });
      const page = await context.newPage();
      await page.goto('/login/');
      await page.getByRole('link', { name: 'Log in with Test IdP' }).click();
      await signInAtProvider(page, 'oidc-person@example.com');
      await page.waitForURL((url) => url.origin === server.url && url.pathname === '/');
      await page
        .getByRole('status')
        .filter({ hasText: /^Connected/ })
        .waitFor();
      const me = await page.evaluate(
        async () => (await (await fetch('/json/users/me')).json()) as { email: string },
      );
      expect(me.email).toBe('oidc-person@example.com');
      await context.close();
    });

    it('refuses an address with no account when the organization requires invitations', async () => {
      const context = await browser.newContext({ baseURL: server.url });
      const page = await context.newPage();
      await page.goto('/accounts/login/oidc/');
      await signInAtProvider(page, 'stranger@example.com');
      await expect(page.getByRole('alert').textContent()).resolves.toMatch(
        /requires an invitation/,
      );
      await context.close();
    });
  });
});
