import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ZulipClient } from '@hub/client';
import { mailsTo } from '../accounts/mail-helper';
import { runBotCli } from '../../bots/framework/run-bot';
import { startTestServer, TestServer, TestUser } from '../helpers/test-server';
import { Role } from '../../apps/server/src/identity/user.types';
import {
  describeBrowser,
  eventually,
  launchBrowser,
  messageWith,
  sendToStream,
  seriousViolations,
  shot,
  signedIn,
} from './browser';

/** The page's globals, inside `page.evaluate` (this project's TypeScript has no DOM library). */
declare const location: { hash: string };
declare const document: { cookie: string };

/** Personal settings, bots and organization administration in Chromium. */
const BRIDGED_LINKS =
  'Let IRC and XMPP bridges share uploads as links that open without an account';
const GUESTS_SEE_SHARED = 'Only the people they share a stream or a conversation with';

describeBrowser('settings and administration in Chromium', () => {
  let browser: Browser;
  let server: TestServer;
  let owner: TestUser;
  let alice: TestUser;
  let bob: TestUser;
  let dora: TestUser;
  let downloads: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    server = await startTestServer({ env: { AUTH_RATE_LIMIT_PER_MINUTE: '100' } });
    owner = server.owner;
    alice = await server.createUser({ fullName: 'Alice Liddell' });
    bob = await server.createUser({ fullName: 'Bob Builder' });
    dora = await server.createUser({ fullName: 'Dora Admin', role: Role.Administrator });
    await server.client(owner).post('/users/me/subscriptions', {
      subscriptions: [{ name: 'design' }],
      principals: [alice.id, bob.id, owner.id],
    });
    downloads = fs.mkdtempSync(path.join(os.tmpdir(), 'settings-downloads-'));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    fs.rmSync(downloads, { recursive: true, force: true });
  });

  /** Opens a settings section from the gear menu, then the section link. */
  async function openSettings(page: Page, link: string, section: string): Promise<void> {
    await page.getByRole('button', { name: 'Settings menu' }).click();
    await page.getByRole('menuitem', { name: link }).click();
    await page
      .getByRole('navigation', { name: 'Settings sections' })
      .getByRole('link', { name: section, exact: true })
      .click();
    await page.getByRole('heading', { level: 2, name: section, exact: true }).waitFor();
  }

  async function saveDownload(page: Page, click: () => Promise<void>, name: string) {
    const [download] = await Promise.all([page.waitForEvent('download'), click()]);
    const file = path.join(downloads, name);
    await download.saveAs(file);
    return file;
  }

  it('lets a member change their name, password, display and notification settings and email, and see and regenerate their API key after typing the password', async () => {
    const { context, page } = await signedIn(browser, server, alice);
    try {
      await openSettings(page, 'Personal settings', 'Profile');
      expect(await seriousViolations(page)).toEqual([]);
      await page.getByLabel('Full name').fill('Alice Pleasance Liddell');
      await page.getByRole('button', { name: 'Save name' }).click();
      await page.getByRole('status').filter({ hasText: 'Your name is saved.' }).waitFor();
      const me = await server.client(alice).get('/users/me');
      expect(me.body.full_name).toBe('Alice Pleasance Liddell');

      await page.getByRole('link', { name: 'Account & privacy' }).click();
      await page.getByRole('heading', { level: 2, name: 'Account & privacy' }).waitFor();
      await page.getByText(alice.email, { exact: true }).waitFor();
      const newPassword = 'a quite different passphrase 7 rabbits';
      await page.getByLabel('Current password').fill(alice.password);
      await page.getByLabel('New password').fill('password');
      await page.getByText('Strength: Too weak').waitFor();
      await page.getByLabel('New password').fill(newPassword);
      await page.getByText('Strength: Strong').waitFor();
      await shot(page, 'settings-account');
      expect(await seriousViolations(page)).toEqual([]);
      await page.getByRole('button', { name: 'Change password' }).click();
      await page.getByRole('status').filter({ hasText: 'Your password is changed' }).waitFor();
      const anonymous = server.client();
      expect(
        (await anonymous.post('/fetch_api_key', { username: alice.email, password: newPassword }))
          .status,
      ).toBe(200);
      expect(
        (
          await anonymous.post('/fetch_api_key', {
            username: alice.email,
            password: alice.password,
          })
        ).status,
      ).toBe(401);

      // The key stays hidden until the password is typed again; a wrong one shows nothing.
      await expect(page.getByLabel('Your API key').count()).resolves.toBe(0);
      await page.getByLabel('Your password').fill('not my password');
      await page.getByRole('button', { name: 'Show API key' }).click();
      await page
        .getByRole('alert')
        .filter({ hasText: /password/i })
        .waitFor();
      await page.getByLabel('Your password').fill(newPassword);
      await page.getByRole('button', { name: 'Show API key' }).click();
      await expect(page.getByLabel('Your API key').textContent()).resolves.toBe(alice.apiKey);

      await page.getByRole('button', { name: 'Regenerate API key' }).click();
      await page.getByRole('status').filter({ hasText: 'A new API key is ready' }).waitFor();
      const newKey = String(await page.getByLabel('Your API key').textContent());
      expect(newKey).not.toBe(alice.apiKey);
      expect((await server.client(alice).get('/users/me')).status).toBe(401);

      // The downloaded .zuliprc carries the new key and works with the API client.
      const file = await saveDownload(
        page,
        () => page.getByRole('button', { name: 'Download .zuliprc' }).click(),
        'alice-zuliprc',
      );
      const client = new ZulipClient({ configFile: file, logger: null });
      const fromFile = await client.call('GET', 'users/me');
      expect(fromFile.full_name).toBe('Alice Pleasance Liddell');

      await page.getByRole('link', { name: 'Display' }).click();
      await page.getByRole('radio', { name: 'Dark' }).check();
      await page.getByRole('checkbox', { name: /24-hour time/ }).check();
      expect(await page.locator('html').getAttribute('data-theme')).toBe('dark');
      // Kept by the server, so every browser Alice uses shows the same.
      const aliceNow = server.client({ email: alice.email, apiKey: newKey });
      await eventually(async () => {
        const state = await aliceNow.post('/register', { event_types: ['user_settings'] });
        const settings = state.body.user_settings as Record<string, unknown>;
        return settings.color_scheme === 2 && settings.twenty_four_hour_time === true;
      }, 'the display settings saved');
      await shot(page, 'settings-display-dark');
      expect(await seriousViolations(page)).toEqual([]);
      await page.getByRole('radio', { name: 'Light' }).check();

      // Notifications: each change is saved at once, for every browser.
      await page.getByRole('link', { name: 'Notifications' }).click();
      await page.getByRole('heading', { level: 2, name: 'Notifications' }).waitFor();
      const matrix = page.getByRole('table', { name: 'Stream and followed-topic notifications' });
      await matrix.getByRole('checkbox', { name: 'Streams: Email' }).check();
      await page.getByRole('checkbox', { name: 'Digest emails when I have been away' }).uncheck();
      await page
        .getByLabel('Wait before sending an email notification')
        .selectOption({ label: '5 minutes' });
      await page.getByLabel('Notification sound').selectOption({ label: 'Ding' });
      await eventually(async () => {
        const state = await aliceNow.post('/register', { event_types: ['user_settings'] });
        const settings = state.body.user_settings as Record<string, unknown>;
        return (
          settings.enable_stream_email_notifications === true &&
          settings.enable_digest_emails === false &&
          settings.email_notifications_batching_period_seconds === 300 &&
          settings.notification_sound === 'ding'
        );
      }, 'the notification settings saved');
      await shot(page, 'settings-notifications');
      expect(await seriousViolations(page)).toEqual([]);

      // Email: changes only once the link mailed to the new address is followed.
      await page.getByRole('link', { name: 'Account & privacy' }).click();
      const newEmail = 'alice.pleasance@example.com';
      await page.getByLabel('New email address').fill(newEmail);
      await page.getByRole('button', { name: 'Send confirmation link' }).click();
      await page
        .getByRole('status')
        .filter({ hasText: `We sent a link to ${newEmail}.` })
        .waitFor();
      const facts = page.locator('dl.facts');
      expect(await facts.textContent()).toContain(alice.email);
      const mail = mailsTo(server.config.dataDir, newEmail).join('\n');
      const link = /\/accounts\/confirm_new_email\/[a-z0-9]+\//.exec(mail)?.[0];
      expect(link).toBeDefined();
      const tab = await context.newPage();
      await tab.goto(`${server.url}${String(link)}`);
      await tab.getByText(`The email address of your account is now ${newEmail}`).waitFor();
      await tab.close();
      // The open page learns it from the server, without a reload.
      await facts.getByText(newEmail).waitFor();
      await shot(page, 'settings-email-changed');

      // Privacy: saved at once, and the server has it.
      const consent = page.getByRole('checkbox', {
        name: 'Let administrators include my private messages when they export the organization',
      });
      expect(await consent.isChecked()).toBe(false);
      await consent.check();
      // (Alice's API credentials name her old address now: the database tells.)
      await eventually(async () => {
        const row = await server.db.one<{ allow_private_data_export: boolean }>(
          'SELECT allow_private_data_export FROM users WHERE id = $1',
          [alice.id],
        );
        return row?.allow_private_data_export === true;
      }, 'the export consent saved');
      expect(await seriousViolations(page)).toEqual([]);

      // Closing goes back to the chat, with the new name in the feed's people list.
      await page.getByRole('button', { name: 'Close settings' }).click();
      await page.getByRole('dialog', { name: 'Personal settings' }).waitFor({ state: 'detached' });
      await page.getByRole('main', { name: 'Messages' }).waitFor();
    } finally {
      await context.close();
    }
  });

  it('creates bots, shows their keys, and gives a .zuliprc that the API client and the bundled helloworld bot run with', async () => {
    const { context, page } = await signedIn(browser, server, bob, { hash: '#settings/your-bots' });
    try {
      await page.getByRole('heading', { level: 2, name: 'Bots' }).waitFor();
      await page.getByLabel('Bot name').fill('Helper Bot');
      await page.getByLabel('Bot email').fill('helper');
      await page.getByRole('button', { name: 'Create bot' }).click();
      const card = page.getByRole('group', { name: 'Helper Bot' });
      await card.waitFor();

      await page.getByLabel('Bot type').selectOption({ label: 'Outgoing webhook' });
      await page.getByLabel('Bot name').fill('Relay Bot');
      await page.getByLabel('Bot email').fill('relay');
      await page.getByLabel('Endpoint URL').fill('https://bots.example.com/relay');
      await page.getByRole('button', { name: 'Create bot' }).click();
      const relay = page.getByRole('group', { name: 'Relay Bot' });
      await relay.waitFor();
      expect(await relay.getByLabel('Endpoint URL').inputValue()).toBe(
        'https://bots.example.com/relay',
      );
      await shot(page, 'settings-bots');
      expect(await seriousViolations(page)).toEqual([]);

      const oldKey = String(await card.getByLabel('API key of Helper Bot').textContent());
      await card.getByRole('button', { name: 'Regenerate API key' }).click();
      await eventually(
        async () => (await card.getByLabel('API key of Helper Bot').textContent()) !== oldKey,
        'a new bot key',
      );
      const file = await saveDownload(
        page,
        () => card.getByRole('button', { name: 'Download .zuliprc' }).click(),
        'helper-zuliprc',
      );
      const text = fs.readFileSync(file, 'utf8');
      expect(text).not.toContain(oldKey);
      // The file names the realm's configured address (EXTERNAL_HOST, `localhost` in tests); the
      // test server listens on a random port, so only the site is given here.
      expect(text).toMatch(/^site=http:\/\/localhost$/m);
      const bot = new ZulipClient({ configFile: file, site: server.url, logger: null });
      const me = await bot.call('GET', 'users/me');
      expect(me).toMatchObject({ full_name: 'Helper Bot', is_bot: true });
      await bot.call('POST', 'messages', {
        type: 'stream',
        to: 'design',
        topic: 'bots',
        content: 'Hello from the helper bot',
      });

      // The bundled helloworld bot runs with the downloaded file and answers a direct message.
      const stop = new AbortController();
      const out: string[] = [];
      const err: string[] = [];
      const exit = runBotCli(['helloworld', '--config-file', file], {
        out: (line) => out.push(line),
        err: (line) => err.push(line),
        signal: stop.signal,
        createClient: (options) => new ZulipClient({ ...options, site: server.url, logger: null }),
      });
      try {
        await eventually(async () => out.length > 0, 'the bot to start');
        expect(out[0]).toMatch(/^helloworld: running as Helper Bot </);
        await server.client(bob).post('/messages', {
          type: 'private',
          to: JSON.stringify([me.user_id]),
          content: 'are you there?',
        });
        await eventually(async () => {
          const dm = await server.client(bob).get('/messages', {
            anchor: 'newest',
            num_before: 5,
            num_after: 0,
            narrow: JSON.stringify([{ operator: 'dm', operand: [me.user_id] }]),
          });
          const messages = dm.body.messages as Array<{ sender_id: number; content: string }>;
          return messages.some(
            (m) => m.sender_id === me.user_id && m.content.includes('beep boop'),
          );
        }, 'the helloworld bot to answer');
      } finally {
        stop.abort();
      }
      expect(await exit).toBe(0);
      expect(err).toEqual([]);

      // Deactivated: gone from the list, and its key stops working.
      await card.getByRole('button', { name: 'Deactivate' }).click();
      await card.waitFor({ state: 'detached' });
      await expect(bot.call('GET', 'users/me')).rejects.toThrow();
    } finally {
      await context.close();
    }
  });

  it('lets an admin change each organization setting, which others see without a reload', async () => {
    const admin = await signedIn(browser, server, owner, {
      hash: '#organization/organization-settings',
    });
    // Another administrator with the same page open, and a member in the chat.
    const other = await signedIn(browser, server, dora, {
      hash: '#organization/organization-settings',
    });
    const viewer = await signedIn(browser, server, bob);
    try {
      const page = admin.page;
      await page.getByRole('heading', { level: 2, name: 'Organization settings' }).waitFor();
      await other.page.getByRole('heading', { level: 2, name: 'Organization settings' }).waitFor();
      expect(await seriousViolations(page)).toEqual([]);

      // The domains sign-ups are restricted to: owners add them, everyone sees them at once.
      await page.getByLabel('New domain').fill('Wonderland.example');
      await page.getByRole('checkbox', { name: 'Allow its subdomains too' }).check();
      await page.getByRole('button', { name: 'Add domain' }).click();
      await page.getByRole('status').filter({ hasText: 'wonderland.example is added.' }).waitFor();
      const theirDomains = other.page.getByRole('table', { name: 'Allowed email domains' });
      await theirDomains.getByRole('row', { name: /wonderland\.example.*Yes/ }).waitFor();
      expect(await other.page.getByRole('button', { name: 'Add domain' }).count()).toBe(0);

      await page.getByLabel('Organization name').fill('Wonderland Hub');
      await page.getByLabel('Organization description').fill('Down the rabbit hole.');
      for (const name of [
        'Restrict sign-up to the organization’s email domains',
        'Invitations are required to join',
        'Only administrators can invite',
        'Require a topic on stream messages',
      ]) {
        await page.getByRole('checkbox', { name }).check();
      }
      await page.getByRole('checkbox', { name: 'Show previews of linked images' }).uncheck();
      await page.getByLabel('Time limit for editing messages (minutes)').fill('15');
      await page.getByRole('checkbox', { name: BRIDGED_LINKS }).check();
      await page.getByLabel('Guests can see').selectOption({ label: GUESTS_SEE_SHARED });
      await page.getByRole('button', { name: 'Save changes' }).click();
      await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();

      // Bob's top bar shows the new name at once; Dora's open form shows every new value.
      await viewer.page.getByRole('link', { name: 'Wonderland Hub' }).waitFor();
      const theirs = other.page;
      await eventually(
        async () =>
          (await theirs.getByLabel('Organization name').inputValue()) === 'Wonderland Hub',
        'the new name on the other administrator’s page',
      );
      expect(await theirs.getByLabel('Organization description').inputValue()).toBe(
        'Down the rabbit hole.',
      );
      for (const [name, on] of [
        ['Restrict sign-up to the organization’s email domains', true],
        ['Invitations are required to join', true],
        ['Only administrators can invite', true],
        ['Require a topic on stream messages', true],
        ['Allow people to edit their messages', true],
        ['Show previews of linked images', false],
        [BRIDGED_LINKS, true],
      ] as const) {
        expect([name, await theirs.getByRole('checkbox', { name }).isChecked()]).toEqual([
          name,
          on,
        ]);
      }
      expect(
        await theirs.getByLabel('Time limit for editing messages (minutes)').inputValue(),
      ).toBe('15');
      expect(
        await theirs.getByLabel('Guests can see').locator('option:checked').textContent(),
      ).toBe(GUESTS_SEE_SHARED);
      await shot(page, 'organization-settings');
      await shot(theirs, 'organization-settings-other-admin');

      // The edit policy: no editing at all, seen by Dora at once (the limit field goes off).
      await page.getByRole('checkbox', { name: 'Allow people to edit their messages' }).uncheck();
      await page.getByRole('button', { name: 'Save changes' }).click();
      await eventually(
        async () =>
          !(await theirs
            .getByRole('checkbox', { name: 'Allow people to edit their messages' })
            .isChecked()),
        'editing turned off on the other page',
      );
      expect(
        await theirs.getByLabel('Time limit for editing messages (minutes)').isDisabled(),
      ).toBe(true);

      const state = await server.client(bob).post('/register', {
        fetch_event_types: ['realm', 'realm_domains'],
      });
      expect(state.body).toMatchObject({
        realm_name: 'Wonderland Hub',
        realm_description: 'Down the rabbit hole.',
        realm_restricted_to_domain: true,
        realm_invite_required: true,
        realm_invite_by_admins_only: true,
        realm_mandatory_topics: true,
        realm_allow_message_editing: false,
        realm_inline_image_preview: false,
        realm_message_content_edit_limit_seconds: 900,
        realm_domains: [{ domain: 'wonderland.example', allow_subdomains: true }],
        realm_allow_bridged_upload_links: true,
      });
      const groups = await server.client(bob).get('/user_groups');
      const members = (groups.body.user_groups as Array<{ id: number; name: string }>).find(
        (g) => g.name === 'role:members',
      );
      expect(state.body.realm_can_access_all_users_group).toBe(members?.id);
      // The restriction holds: an address outside the domains cannot be invited.
      const invite = await server.client(owner).post('/invites', {
        invitee_emails: 'someone@elsewhere.example',
        stream_ids: '[]',
      });
      expect(invite.status).toBe(400);
      await page.getByRole('checkbox', { name: 'Allow people to edit their messages' }).check();
      await page
        .getByRole('checkbox', { name: 'Restrict sign-up to the organization’s email domains' })
        .uncheck();
      await page.getByRole('checkbox', { name: BRIDGED_LINKS }).uncheck();
      await page
        .getByLabel('Guests can see')
        .selectOption({ label: 'Everyone in the organization' });
      await page.getByRole('button', { name: 'Save changes' }).click();
      await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    } finally {
      await admin.context.close();
      await other.context.close();
      await viewer.context.close();
    }
  });

  it('lets an admin manage users (their bots and open browser follow a deactivation) and streams', async () => {
    const carol = await server.createUser({ fullName: 'Carol Danvers' });
    const carolBot = await server.client(carol).post('/bots', {
      full_name: 'Carol Bot',
      short_name: 'carol',
    });
    expect(carolBot.status).toBe(200);
    const admin = await signedIn(browser, server, owner, { hash: '#organization/users' });
    const carolsBrowser = await signedIn(browser, server, carol);
    try {
      const page = admin.page;
      // Users: deactivating Carol deactivates her bot too, and the page shows it.
      await page.getByRole('link', { name: 'Users', exact: true }).click();
      const bots = page.getByRole('table', { name: 'Bots' });
      await bots
        .getByRole('row', { name: /Carol Bot/ })
        .getByText('Active')
        .waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await page.getByRole('button', { name: 'Deactivate Carol Danvers' }).click();
      await bots
        .getByRole('row', { name: /Carol Bot/ })
        .getByText('Deactivated')
        .waitFor();
      await page
        .getByRole('table', { name: 'People' })
        .getByRole('row', { name: /Carol Danvers/ })
        .getByText('Deactivated')
        .waitFor();
      // Carol's open browser is signed out.
      await carolsBrowser.page.waitForURL((url) => url.pathname === '/login/');
      await shot(page, 'organization-users');
      await page.getByLabel('Role of Bob Builder').selectOption({ label: 'Moderator' });
      await page.getByRole('status').filter({ hasText: 'Bob Builder is now Moderator.' }).waitFor();
      expect((await server.client(bob).get('/users/me')).body.role).toBe(Role.Moderator);

      // Streams: create, rename and describe, archive.
      await page.getByRole('link', { name: 'Streams', exact: true }).click();
      await page.getByLabel('New stream name').fill('teatime');
      await page.getByLabel('New stream description').fill('Always six o’clock');
      await page.getByRole('button', { name: 'Create stream' }).click();
      await page.getByRole('button', { name: 'Edit #teatime' }).click();
      await page.getByLabel('Stream name', { exact: true }).fill('mad-teatime');
      await page.getByLabel('Stream description', { exact: true }).fill('No room!');
      await page.getByRole('checkbox', { name: 'Private', exact: true }).check();
      await page.getByRole('checkbox', { name: 'New subscribers see earlier messages' }).uncheck();
      await page.getByRole('button', { name: 'Save stream' }).click();
      const row = page.getByRole('row', { name: /#mad-teatime/ });
      await row.getByText('No room!').waitFor();
      await row.getByText('Private, history from joining').waitFor();
      const teatime = await server.client(owner).get('/streams', { include_all_active: true });
      expect(teatime.body.streams).toContainEqual(
        expect.objectContaining({
          name: 'mad-teatime',
          invite_only: true,
          history_public_to_subscribers: false,
        }),
      );
      expect(await seriousViolations(page)).toEqual([]);
      await shot(page, 'organization-streams');
      await page.getByRole('button', { name: 'Archive #mad-teatime' }).click();
      await row.waitFor({ state: 'detached' });
    } finally {
      await admin.context.close();
      await carolsBrowser.context.close();
    }
  });

  it('keeps members out of the administration pages, and the server refuses their calls', async () => {
    const { context, page } = await signedIn(browser, server, bob);
    try {
      await page.getByRole('button', { name: 'Settings menu' }).click();
      await page.getByRole('menuitem', { name: 'Personal settings' }).waitFor();
      expect(await page.getByRole('menuitem', { name: 'Organization settings' }).count()).toBe(0);
      await page.keyboard.press('Escape');
      await page.evaluate(() => (location.hash = '#organization/linkifier-settings'));
      await page
        .getByRole('alert')
        .filter({ hasText: 'Only organization administrators and owners can open these pages.' })
        .waitFor();
      expect(await page.getByLabel('Pattern').count()).toBe(0);
      await shot(page, 'organization-refused');
      const answers = await page.evaluate(async (victim) => {
        const token = decodeURIComponent(/csrftoken=([^;]+)/.exec(document.cookie)?.[1] ?? '');
        const call = async (method: string, url: string, body: Record<string, string>) => {
          const res = await fetch(url, {
            method,
            body: method === 'GET' ? undefined : new URLSearchParams(body),
            headers: { 'X-CSRFToken': token },
          });
          return [res.status, ((await res.json()) as { msg: string }).msg] as const;
        };
        return [
          await call('PATCH', '/json/realm', { name: 'Taken over' }),
          await call('POST', '/json/realm/filters', {
            pattern: 'X(?P<id>[0-9]+)',
            url_template: 'https://evil.example.com/{id}',
          }),
          await call('DELETE', `/json/users/${victim}`, {}),
          await call('PATCH', '/json/realm', { authentication_methods: '{"Email":false}' }),
          await call('GET', '/json/bridges', {}),
        ];
      }, alice.id);
      // Zulip's own codes: 403 for realm settings, 400 for linkifiers.
      expect(answers[0]).toEqual([403, 'Must be an organization administrator']);
      expect(answers[1]).toEqual([400, 'Must be an organization administrator']);
      expect(answers[2][0]).toBe(403);
      expect(answers[3]).toEqual([403, 'Must be an organization owner']);
      expect(answers[4]).toEqual([403, 'Must be an organization administrator']);
      expect((await server.client(owner).get(`/users/${alice.id}`)).body.user).toMatchObject({
        is_active: true,
      });
      expect((await server.client(bob).get('/realm/linkifiers')).body.linkifiers).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('tests a linkifier on sample text before saving it, and links messages after', async () => {
    const { context, page } = await signedIn(browser, server, owner, {
      hash: '#organization/linkifier-settings',
    });
    try {
      await page.getByRole('heading', { level: 2, name: 'Linkifiers' }).waitFor();
      await page.getByLabel('Pattern').fill('T(?P<id>[0-9]+)');
      await page.getByLabel('URL template').fill('https://trac.example.com/ticket/{{id');
      await page.getByText('Invalid URL template').waitFor();
      await page.getByLabel('URL template').fill('https://trac.example.com/ticket/{id}');
      await page.getByLabel('Sample text').fill('Fixed in T1234, not in xT99.');
      const preview = page.getByRole('region', { name: 'Linkified preview' });
      const link = preview.getByRole('link', { name: 'T1234' });
      await link.waitFor();
      expect(await link.getAttribute('href')).toBe('https://trac.example.com/ticket/1234');
      expect(await preview.getByRole('link').count()).toBe(1);
      // Not saved yet.
      expect((await server.client(owner).get('/realm/linkifiers')).body.linkifiers).toEqual([]);
      await shot(page, 'organization-linkifier-tester');
      expect(await seriousViolations(page)).toEqual([]);

      await page.getByRole('button', { name: 'Add linkifier' }).click();
      await page.getByRole('cell', { name: 'T(?P<id>[0-9]+)', exact: true }).waitFor();
      expect((await server.client(owner).get('/realm/linkifiers')).body.linkifiers).toEqual([
        expect.objectContaining({
          pattern: 'T(?P<id>[0-9]+)',
          url_template: 'https://trac.example.com/ticket/{id}',
        }),
      ]);

      await page.getByRole('button', { name: 'Close settings' }).click();
      await sendToStream(page, 'design', 'tickets', 'Please review T1234 today');
      const sent = messageWith(page, 'Please review');
      const messageLink = sent.getByRole('link', { name: 'T1234' });
      await messageLink.waitFor();
      expect(await messageLink.getAttribute('href')).toBe('https://trac.example.com/ticket/1234');
      await shot(page, 'linkified-message');
    } finally {
      await context.close();
    }
  });
});
