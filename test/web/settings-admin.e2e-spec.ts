import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
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

/** A square PNG of one colour. */
function png(size: number, colour: string): Promise<Buffer> {
  return sharp({ create: { width: size, height: size, channels: 4, background: colour } })
    .png()
    .toBuffer();
}

/** The personal pages and organization administration pages added beside the first ones. */
describeBrowser('more personal settings and administration in Chromium', () => {
  let browser: Browser;
  let server: TestServer;
  let owner: TestUser;
  let admin: TestUser;
  let alice: TestUser;
  let bob: TestUser;

  beforeAll(async () => {
    browser = await launchBrowser();
    // Single sign-on configured too, so the organization has two ways in to choose between.
    server = await startTestServer({
      env: {
        AUTH_RATE_LIMIT_PER_MINUTE: '100',
        TRUSTED_PROXIES: '127.0.0.1,::1',
        SSO_REMOTE_USER_HEADER: 'X-Remote-User',
      },
    });
    owner = server.owner;
    admin = await server.createUser({ fullName: 'Dora Admin', role: Role.Administrator });
    alice = await server.createUser({ fullName: 'Alice Liddell' });
    bob = await server.createUser({ fullName: 'Bob Builder' });
    await server.client(owner).post('/users/me/subscriptions', {
      subscriptions: [{ name: 'design' }, { name: 'kitchen' }],
      principals: [alice.id, bob.id, owner.id, admin.id],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** Opens a section by its link in the settings navigation. */
  async function section(page: Page, name: string): Promise<void> {
    await page
      .getByRole('navigation', { name: 'Settings sections' })
      .getByRole('link', { name, exact: true })
      .click();
    await page.getByRole('heading', { level: 2, name, exact: true }).waitFor();
  }

  it('lets a member upload an avatar (previewed first), set a status, and see alert words highlighted', async () => {
    const { context, page } = await signedIn(browser, server, alice, { hash: '#settings/profile' });
    try {
      await page.getByRole('heading', { level: 2, name: 'Profile' }).waitFor();
      await page.getByLabel('Choose a picture').setInputFiles({
        name: 'me.png',
        mimeType: 'image/png',
        buffer: await png(200, '#cc3366'),
      });
      await page.getByRole('img', { name: 'Preview of your new avatar' }).waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await page.getByRole('button', { name: 'Upload avatar' }).click();
      await page.getByRole('status').filter({ hasText: 'Your new avatar is saved.' }).waitFor();
      const me = await server.client(alice).get('/users/me');
      expect(String(me.body.avatar_url)).toContain('/user_avatars/');
      // The page shows the server's new avatar (from the event), and it loads.
      const avatar = page.getByRole('img', { name: 'Your avatar' });
      await eventually(
        async () => (await avatar.getAttribute('src')) === me.body.avatar_url,
        'the uploaded avatar on the page',
      );
      await eventually(
        async () =>
          avatar.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth > 0),
        'the avatar image to load',
      );
      await shot(page, 'settings-avatar');

      await section(page, 'Status');
      expect(await seriousViolations(page)).toEqual([]);
      await page.getByLabel('Status text').fill('Out to lunch');
      await page.getByLabel('Status emoji name').fill('coffee');
      await page.getByRole('button', { name: 'Save status' }).click();
      await page.getByRole('status').filter({ hasText: 'Your status is saved.' }).waitFor();
      await page.getByText(/☕ Out to lunch/).waitFor();
      const status = await server.client(bob).get(`/users/${alice.id}/status`);
      expect(status.body.status).toMatchObject({
        status_text: 'Out to lunch',
        emoji_name: 'coffee',
      });
      await shot(page, 'settings-status');

      await section(page, 'Alert words');
      await page.getByLabel('New alert word').fill('teapot');
      await page.getByRole('button', { name: 'Add alert word' }).click();
      await page.getByRole('list', { name: 'Your alert words' }).getByText('teapot').waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await shot(page, 'settings-alert-words');
      expect((await server.client(alice).get('/users/me/alert_words')).body.alert_words).toEqual([
        'teapot',
      ]);

      await page.getByRole('button', { name: 'Close settings' }).click();
      await server.client(bob).post('/messages', {
        type: 'stream',
        to: 'design',
        topic: 'kitchen',
        content: 'Who left the Teapot on the stove? Not a teapots thing.',
      });
      const message = messageWith(page, 'left the');
      const mark = message.locator('mark.alert-word');
      await mark.first().waitFor();
      expect(await mark.allTextContents()).toEqual(['Teapot']);
      await shot(page, 'alert-word-highlighted');
    } finally {
      await context.close();
    }
  });

  it('lists muted topics and users as they are muted elsewhere, and unmutes them', async () => {
    const { context, page } = await signedIn(browser, server, alice, {
      hash: '#settings/muted-topics',
    });
    try {
      await page.getByRole('heading', { level: 2, name: 'Muted topics' }).waitFor();
      await page.getByText('You have not muted any topics.').waitFor();
      const streams = await server.client(alice).get('/streams');
      const design = (streams.body.streams as Array<{ name: string; stream_id: number }>).find(
        (s) => s.name === 'design',
      );
      await server.client(alice).post('/user_topics', {
        stream_id: Number(design?.stream_id),
        topic: 'gossip',
        visibility_policy: 1,
      });
      const unmuteTopic = page.getByRole('button', { name: 'Unmute #design > gossip' });
      await unmuteTopic.waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await shot(page, 'settings-muted-topics');
      await unmuteTopic.click();
      await page.getByText('You have not muted any topics.').waitFor();

      await section(page, 'Muted users');
      await server.client(alice).post(`/users/me/muted_users/${bob.id}`);
      const unmuteBob = page.getByRole('button', { name: 'Unmute Bob Builder' });
      await unmuteBob.waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await unmuteBob.click();
      await page.getByText('You have not muted anyone.').waitFor();
      expect((await server.client(alice).post('/register', {})).body.muted_users).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('lets an admin manage user groups and profile fields, which another admin sees without reloading', async () => {
    const first = await signedIn(browser, server, owner, {
      hash: '#organization/user-groups-admin',
    });
    const second = await signedIn(browser, server, admin, {
      hash: '#organization/user-groups-admin',
    });
    try {
      const page = first.page;
      await page.getByRole('heading', { level: 2, name: 'User groups' }).waitFor();
      await second.page.getByRole('heading', { level: 2, name: 'User groups' }).waitFor();
      await page.getByLabel('Group name').fill('designers');
      await page.getByLabel('Group description').fill('People who draw');
      await page.getByRole('button', { name: 'Create group' }).click();
      await page.getByRole('status').filter({ hasText: 'Created @designers' }).waitFor();
      // The other admin's open page shows it.
      const theirs = second.page.getByRole('list', { name: 'User groups' });
      await theirs.getByRole('heading', { name: '@designers' }).waitFor();

      await page.getByLabel('Add to @designers').selectOption({ label: 'Alice Liddell' });
      await page.getByRole('button', { name: 'Add member' }).click();
      await second.page
        .getByRole('list', { name: 'Members of @designers' })
        .getByText('Alice Liddell')
        .waitFor();
      await page.getByLabel('Name of @designers').fill('illustrators');
      await page.getByLabel('Description of @designers').fill('People who draw a lot');
      await page.getByRole('button', { name: 'Save @designers' }).click();
      await theirs.getByRole('heading', { name: '@illustrators' }).waitFor();
      await page
        .getByRole('button', { name: `Remove ${owner.fullName} from @illustrators` })
        .click();
      await eventually(async () => {
        const groups = (await server.client(owner).get('/user_groups')).body.user_groups as Array<{
          name: string;
          description: string;
          members: number[];
        }>;
        const group = groups.find((g) => g.name === 'illustrators');
        return (
          group?.description === 'People who draw a lot' &&
          JSON.stringify(group.members) === JSON.stringify([alice.id])
        );
      }, 'the group renamed, described, with Alice alone');
      expect(await seriousViolations(page)).toEqual([]);
      await shot(page, 'organization-user-groups');
      await page.getByRole('button', { name: 'Delete @illustrators' }).click();
      await theirs.waitFor({ state: 'detached' });

      // Custom profile fields: the other admin watches the page.
      await section(page, 'Custom profile fields');
      await section(second.page, 'Custom profile fields');
      await page.getByLabel('Field type').selectOption({ label: 'Text (short)' });
      await page.getByLabel('Label', { exact: true }).fill('Team');
      await page.getByLabel('Hint', { exact: true }).fill('Which team you are on');
      await page.getByRole('button', { name: 'Add field' }).click();
      // The form empties once the field is added: the next one is typed after that, not into it.
      await page.getByRole('status').filter({ hasText: 'Added “Team”.' }).waitFor();
      await page.getByLabel('Field type').selectOption({ label: 'List of options' });
      await page.getByLabel('Label', { exact: true }).fill('Office');
      await page.getByLabel('Options (one a line)').fill('Paris\nLagos');
      await page.getByRole('button', { name: 'Add field' }).click();
      const theirFields = second.page.getByRole('table', { name: 'Custom profile fields' });
      await theirFields.getByRole('row', { name: /Team.*Which team you are on/ }).waitFor();
      await theirFields.getByRole('row', { name: /Office.*List of options/ }).waitFor();
      // Office moves above Team, for everyone.
      await page.getByRole('button', { name: 'Move “Office” up' }).click();
      await eventually(
        async () =>
          (await theirFields.getByRole('rowheader').allTextContents()).join() === 'Office,Team',
        'Office above Team on the other page',
      );
      await page.getByRole('button', { name: 'Edit “Team”' }).click();
      await page.getByLabel('Label of “Team”').fill('Squad');
      await page.getByRole('button', { name: 'Save “Team”' }).click();
      await theirFields.getByRole('rowheader', { name: 'Squad' }).waitFor();
      const fields = (await server.client(alice).get('/realm/profile_fields')).body
        .custom_fields as Array<{ name: string; field_data: string }>;
      expect(fields.map((f) => f.name)).toEqual(['Office', 'Squad']);
      expect(JSON.parse(fields[0].field_data)).toEqual({
        '0': { text: 'Paris', order: '1' },
        '1': { text: 'Lagos', order: '2' },
      });
      expect(await seriousViolations(page)).toEqual([]);
      await shot(page, 'organization-profile-fields');
      await page.getByRole('button', { name: 'Delete “Squad”' }).click();
      await theirFields.getByRole('rowheader', { name: 'Squad' }).waitFor({ state: 'detached' });
    } finally {
      await first.context.close();
      await second.context.close();
    }
  });

  it('lets an admin add a default stream, invite people, and upload a custom emoji that renders in messages', async () => {
    const { context, page } = await signedIn(browser, server, owner, {
      hash: '#organization/default-streams-list',
    });
    try {
      await page.getByRole('heading', { level: 2, name: 'Default streams' }).waitFor();
      await page.getByLabel('Stream to add').selectOption({ label: '#kitchen' });
      await page.getByRole('button', { name: 'Add default stream' }).click();
      const defaults = page.getByRole('list', { name: 'Default streams' });
      await defaults.getByText('#kitchen').waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await shot(page, 'organization-default-streams');
      const listed = (await server.client(alice).get('/default_streams')).body
        .default_streams as Array<{ name: string }>;
      expect(listed.map((s) => s.name)).toContain('kitchen');

      await section(page, 'Invitations');
      await page.getByLabel(/Email addresses/).fill('newcomer@example.com');
      await page.getByLabel('Join as').selectOption({ label: 'Moderator' });
      await page.getByRole('checkbox', { name: '#design' }).check();
      await page.getByRole('button', { name: 'Send invitations' }).click();
      await page.getByRole('status').filter({ hasText: 'Invited newcomer@example.com.' }).waitFor();
      const row = page.getByRole('row', { name: /newcomer@example\.com/ });
      await row.getByText('Moderator').waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await shot(page, 'organization-invitations');
      await page.getByRole('button', { name: 'Revoke invitation of newcomer@example.com' }).click();
      await row.waitFor({ state: 'detached' });
      expect((await server.client(owner).get('/invites')).body.invites).toEqual([]);

      await section(page, 'Custom emoji');
      await page.getByLabel('Emoji name').fill('greenblob');
      await page.getByLabel('Emoji image').setInputFiles({
        name: 'blob.png',
        mimeType: 'image/png',
        buffer: await png(64, '#22aa44'),
      });
      await page.getByRole('button', { name: 'Add emoji' }).click();
      await page.getByRole('rowheader', { name: ':greenblob:' }).waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await shot(page, 'organization-custom-emoji');

      await page.getByRole('button', { name: 'Close settings' }).click();
      await sendToStream(page, 'design', 'emoji', 'Look :greenblob: here');
      const emoji = messageWith(page, 'Look').getByRole('img', { name: ':greenblob:' });
      await emoji.waitFor();
      expect(await emoji.getAttribute('src')).toContain('/user_avatars/');
      await shot(page, 'custom-emoji-message');
    } finally {
      await context.close();
    }
  });

  it('lets the owner turn password login off, which login then refuses, but never every way in', async () => {
    const { context, page } = await signedIn(browser, server, owner, {
      hash: '#organization/auth-methods',
    });
    const watcher = await signedIn(browser, server, admin, { hash: '#organization/auth-methods' });
    try {
      await page.getByRole('heading', { level: 2, name: 'Authentication methods' }).waitFor();
      const email = page.getByRole('checkbox', { name: 'Email and password' });
      const sso = page.getByRole('checkbox', { name: /Single sign-on/ });
      expect(await email.isChecked()).toBe(true);
      expect(await sso.isChecked()).toBe(true);
      // A method the server is not configured for cannot be turned on here.
      expect(await page.getByRole('checkbox', { name: /OpenID Connect/ }).isDisabled()).toBe(true);
      expect(await seriousViolations(page)).toEqual([]);

      // Both off: refused, nothing changes.
      await email.uncheck();
      await sso.uncheck();
      await page.getByRole('button', { name: 'Save authentication methods' }).click();
      await page
        .getByRole('alert')
        .filter({ hasText: 'At least one authentication method must be enabled.' })
        .waitFor();
      await sso.check();
      await page.getByRole('button', { name: 'Save authentication methods' }).click();
      await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
      await shot(page, 'organization-auth-methods');

      // An administrator sees the change at once, without controls: owners decide.
      const theirs = watcher.page.getByRole('table', { name: 'Authentication methods' });
      await theirs.getByRole('row', { name: 'Email and password No' }).waitFor();
      expect(await watcher.page.locator('.settings-content').getByRole('checkbox').count()).toBe(0);
      expect(await seriousViolations(watcher.page)).toEqual([]);

      // The login page offers no password field now, only single sign-on.
      const stranger = await browser.newContext();
      try {
        const login = await stranger.newPage();
        await login.goto(`${server.url}/login/`);
        await login.getByText('This organization does not use passwords to log in.').waitFor();
        expect(await login.getByLabel('Password').count()).toBe(0);
        await login.getByRole('link', { name: 'Log in with single sign-on' }).waitFor();
        await shot(login, 'login-password-disabled');
      } finally {
        await stranger.close();
      }
      const refused = await server
        .client()
        .post('/fetch_api_key', { username: alice.email, password: alice.password });
      expect(refused.body.code).toBe('PASSWORD_AUTH_DISABLED');

      await email.check();
      await page.getByRole('button', { name: 'Save authentication methods' }).click();
      await theirs.getByRole('row', { name: 'Email and password Yes' }).waitFor();
      const allowed = await server
        .client()
        .post('/fetch_api_key', { username: alice.email, password: alice.password });
      expect(allowed.status).toBe(200);
    } finally {
      await context.close();
      await watcher.context.close();
    }
  });

  it('shows a member no administration controls on the new pages', async () => {
    const { context, page } = await signedIn(browser, server, bob);
    try {
      for (const hash of [
        '#organization/user-groups-admin',
        '#organization/profile-field-settings',
        '#organization/emoji-settings',
        '#organization/default-streams-list',
        '#organization/invites-list',
        '#organization/auth-methods',
      ]) {
        await page.evaluate((h) => (location.hash = h), hash);
        await page
          .getByRole('alert')
          .filter({ hasText: 'Only organization administrators and owners can open these pages.' })
          .waitFor();
        const content = page.locator('.settings-content');
        expect(await content.getByRole('button').count()).toBe(0);
        expect(await content.getByRole('textbox').count()).toBe(0);
        expect(await content.getByRole('checkbox').count()).toBe(0);
        expect(await seriousViolations(page, '.settings-overlay')).toEqual([]);
      }
      await shot(page, 'organization-new-pages-refused');
    } finally {
      await context.close();
    }
  });
});
