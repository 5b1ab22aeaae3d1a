import type { Browser, Page } from 'playwright-core';
import { startTestServer, TestServer, TestUser } from '../helpers/test-server';
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
declare const document: {
  documentElement: { scrollWidth: number };
  activeElement: { id: string } | null;
};
declare const navigator: { clipboard: { readText(): Promise<string> } };

/** Two people chatting in Chromium: streams, topics, DMs, message actions, narrows, unread. */
describeBrowser('the chat in Chromium', () => {
  let browser: Browser;
  let server: TestServer;
  let alice: TestUser;
  let bob: TestUser;
  let designId: number;

  beforeAll(async () => {
    browser = await launchBrowser();
    server = await startTestServer();
    // Members may delete their own messages (the default realm does not allow it).
    await server.updateRealm({
      allow_message_deleting: true,
      message_content_delete_limit_seconds: null,
    });
    alice = await server.createUser({ fullName: 'Alice Liddell' });
    bob = await server.createUser({ fullName: 'Bob Builder' });
    const owner = server.client(server.owner);
    await owner.post('/users/me/subscriptions', {
      subscriptions: [{ name: 'design' }, { name: 'random' }],
      principals: [alice.id, bob.id, server.owner.id],
    });
    designId = Number((await owner.get('/get_stream_id', { stream: 'design' })).body.stream_id);
    for (let i = 1; i <= 3; i++) {
      await owner.post('/messages', {
        type: 'stream',
        to: 'design',
        topic: 'history',
        content: `Old note ${i}`,
      });
    }
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function count(page: Page, text: string): Promise<number> {
    return messageWith(page, text).count();
  }

  it('delivers stream and direct messages between two people without a reload', async () => {
    const a = await signedIn(browser, server, alice, {
      hash: `#narrow/channel/${designId}-design`,
    });
    const b = await signedIn(browser, server, bob, { hash: `#narrow/channel/${designId}-design` });
    try {
      await sendToStream(a.page, 'design', 'launch', 'Hello from Alice');
      await messageWith(b.page, 'Hello from Alice').waitFor();
      await sendToStream(b.page, 'design', 'launch', 'Hi Alice, Bob here');
      await messageWith(a.page, 'Hi Alice, Bob here').waitFor();
      await shot(a.page, 'chat-stream');
      expect(await seriousViolations(a.page)).toEqual([]);

      // A direct message: Alice opens the conversation from the people list.
      await a.page
        .getByRole('complementary', { name: 'People' })
        .getByRole('link', { name: /Bob Builder/ })
        .click();
      await a.page.getByRole('heading', { name: /Direct messages with Bob Builder/ }).waitFor();
      const message = a.page.getByLabel('Message', { exact: true });
      await message.fill('A private word, Bob');
      await message.press('Enter');
      await messageWith(a.page, 'A private word, Bob').waitFor();
      // Bob sees the conversation appear, with its unread count, and reads it.
      const dmLink = b.page
        .getByRole('navigation', { name: 'Conversations' })
        .getByRole('link', { name: /Alice Liddell/ });
      await dmLink.waitFor();
      await dmLink.click();
      await messageWith(b.page, 'A private word, Bob').waitFor();
      await shot(b.page, 'chat-dm');
    } finally {
      await a.context.close();
      await b.context.close();
    }
  });

  it('edits, reacts to, stars and deletes a message, and the other person sees each change', async () => {
    const a = await signedIn(browser, server, alice, {
      hash: `#narrow/channel/${designId}-design/topic/actions`,
    });
    const b = await signedIn(browser, server, bob, {
      hash: `#narrow/channel/${designId}-design/topic/actions`,
    });
    try {
      await sendToStream(a.page, 'design', 'actions', 'A message with a typo');
      const mine = messageWith(a.page, 'A message with a typo');
      await mine.waitFor();

      await mine.hover();
      await mine.getByRole('button', { name: 'Message actions' }).click();
      await a.page.getByRole('menuitem', { name: 'Edit message' }).click();
      const editor = a.page.getByLabel('Edit message');
      await eventually(
        async () => (await editor.inputValue()) === 'A message with a typo',
        'the raw text',
      );
      await editor.fill('A message without a typo');
      await editor.press('Enter');
      const edited = messageWith(b.page, 'A message without a typo');
      await edited.waitFor();
      await edited.getByRole('button', { name: /Edited/ }).waitFor();

      const fixed = messageWith(a.page, 'A message without a typo');
      await fixed.hover();
      await fixed.getByRole('button', { name: 'Add reaction' }).first().click();
      await a.page
        .getByRole('dialog', { name: 'Add reaction' })
        .getByRole('button', { name: 'tada' })
        .first()
        .click();
      await edited.getByRole('button', { name: /^tada: 1/ }).waitFor();

      await fixed.hover();
      await fixed.getByRole('button', { name: 'Star message' }).click();
      await fixed.getByRole('button', { name: 'Unstar message' }).waitFor();
      await a.page.evaluate(() => (location.hash = '#narrow/is/starred'));
      await messageWith(a.page, 'A message without a typo').waitFor();
      await a.page.goBack();
      await a.page.getByRole('heading', { name: /#design › actions/ }).waitFor();

      const again = messageWith(a.page, 'A message without a typo');
      await again.hover();
      await again.getByRole('button', { name: 'Message actions' }).click();
      await shot(a.page, 'chat-actions-menu');
      await a.page.getByRole('menuitem', { name: 'Delete message' }).click();
      await a.page
        .getByRole('dialog', { name: 'Delete message' })
        .getByRole('button', { name: 'Delete' })
        .click();
      await eventually(
        async () => (await count(b.page, 'A message without a typo')) === 0,
        'the deletion at Bob',
      );
      await eventually(
        async () => (await count(a.page, 'A message without a typo')) === 0,
        'the deletion at Alice',
      );
    } finally {
      await a.context.close();
      await b.context.close();
    }
  });

  it('offers the message menu over a long feed: history, source, link, unread, move', async () => {
    const owner = server.client(server.owner);
    for (let i = 1; i <= 30; i++) {
      await owner.post('/messages', {
        type: 'stream',
        to: 'design',
        topic: 'long',
        content: `Long note ${i}.`,
      });
    }
    const a = await signedIn(browser, server, alice, {
      hash: `#narrow/channel/${designId}-design/topic/long`,
      prepare: (context) =>
        context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url }),
    });
    try {
      const { page } = a;
      // The view opens at the first unread message; what Alice sends is brought into view.
      await messageWith(page, 'Long note 1.').waitFor();
      const box = page.getByLabel('Message', { exact: true });
      await box.fill('My **first** draft');
      await box.press('Enter');
      const mine = messageWith(page, 'My first draft');
      await mine.waitFor();

      // The menu of the newest message, at the bottom of a full feed, opens above it, over
      // the other rows (every click below would fail on a covered item).
      const menuOf = async (text: string) => {
        const row = messageWith(page, text);
        await row.hover();
        await row.getByRole('button', { name: 'Message actions' }).click();
        return page.getByRole('menu', { name: 'Message actions' });
      };
      await (
        await menuOf('My first draft')
      )
        .getByRole('menuitem', { name: 'Edit message' })
        .click();
      const editor = page.getByLabel('Edit message');
      await eventually(async () => (await editor.inputValue()) !== '', 'the raw text');
      await editor.fill('My **second** draft');
      await editor.press('Enter');
      await messageWith(page, 'My second draft')
        .getByRole('button', { name: /Edited/ })
        .click();
      const history = page.getByRole('dialog', { name: 'Message edit history' });
      await history.getByText('My first draft').waitFor();
      await history.getByText('My second draft').waitFor();
      await page.keyboard.press('Escape');

      await (
        await menuOf('My second draft')
      )
        .getByRole('menuitem', { name: 'View source' })
        .click();
      await page
        .getByRole('dialog', { name: 'Message source' })
        .getByText('My **second** draft')
        .waitFor();
      await page.keyboard.press('Escape');

      const menu = await menuOf('My second draft');
      await shot(page, 'chat-menu-bottom');
      await menu.getByRole('menuitem', { name: 'Copy link to message' }).click();
      await page.getByText('Link copied').waitFor();
      const link = await page.evaluate(() => navigator.clipboard.readText());
      expect(link).toMatch(/#narrow\/channel\/\d+-design\/topic\/long\/near\/\d+$/);
      const linked = await a.context.newPage();
      await linked.goto(link);
      await linked.getByRole('heading', { name: '#design › long' }).waitFor();
      await messageWith(linked, 'My second draft').waitFor();
      await linked.close();

      // Marked unread from "Long note 30.": two messages, which stay unread while on screen.
      const sidebar = page.getByRole('navigation', { name: 'Conversations' });
      const topicLink = sidebar.getByRole('link', { name: /^long/ });
      // Jumping to the sent message may have skipped part of the topic, left unread.
      const markAll = sidebar.getByRole('button', { name: 'Mark all as read' });
      if ((await markAll.count()) > 0) await markAll.click();
      await eventually(async () => (await topicLink.getByLabel(/unread/).count()) === 0, 'read');
      await (
        await menuOf('Long note 30.')
      )
        .getByRole('menuitem', { name: /Mark as unread/ })
        .click();
      await topicLink.getByLabel('2 unread messages').waitFor();
      await page.waitForTimeout(1500);
      expect(await topicLink.getByLabel('2 unread messages').count()).toBe(1);
      await page.getByRole('button', { name: 'Jump to first unread' }).click();
      await page.locator('article.selected').filter({ hasText: 'Long note 30.' }).waitFor();
      // `+` reacts 👍 to the selected message.
      await page.keyboard.press('+');
      await messageWith(page, 'Long note 30.')
        .getByRole('button', { name: /^\+1: 1/ })
        .waitFor();

      // Moving the whole topic takes the view along.
      await (
        await menuOf('My second draft')
      )
        .getByRole('menuitem', { name: 'Move messages' })
        .click();
      const move = page.getByRole('dialog', { name: 'Move messages' });
      await move.getByRole('textbox', { name: 'Topic' }).fill('longer');
      await move.getByRole('button', { name: 'Move' }).click();
      await page.getByRole('heading', { name: '#design › longer' }).waitFor();
      expect(new URL(page.url()).hash).toBe(`#narrow/channel/${designId}-design/topic/longer`);
      // Moved, not edited (as Zulip labels it); the edited one stays "edited".
      await messageWith(page, 'Long note 30.')
        .getByRole('button', { name: /^Moved/ })
        .waitFor();
      await messageWith(page, 'My second draft')
        .getByRole('button', { name: /^Edited/ })
        .waitFor();

      // Zulip's keys: k and j move the selection, r replies to it, Esc leaves the box.
      await messageWith(page, 'My second draft').click();
      await page.keyboard.press('k');
      await page.locator('article.selected').filter({ hasText: 'Long note 30.' }).waitFor();
      await page.keyboard.press('j');
      await page.locator('article.selected').filter({ hasText: 'My second draft' }).waitFor();
      // (The first Escape closes the topic suggestions, the second leaves the field.)
      await page.getByLabel('Topic', { exact: true }).fill('');
      await page.getByLabel('Topic', { exact: true }).press('Escape');
      await page.getByLabel('Topic', { exact: true }).press('Escape');
      await page.keyboard.press('r');
      await eventually(
        async () => (await page.getByLabel('Topic', { exact: true }).inputValue()) === 'longer',
        'the reply to take the topic',
      );
      await eventually(
        async () => (await page.evaluate(() => document.activeElement?.id)) === 'compose-message',
        'the message box to have focus',
      );
      await page.keyboard.press('Escape');

      // Markdown preview, then the text kept as a draft while typing, found again with `d`.
      await box.fill('half a **thought**');
      await page.getByRole('button', { name: 'Preview' }).click();
      await page.getByLabel('Preview').locator('strong', { hasText: 'thought' }).waitFor();
      await page.getByRole('button', { name: 'Edit', exact: true }).click();
      await box.press('Escape');
      await eventually(async () => {
        await page.keyboard.press('d');
        const drafts = page.getByRole('dialog', { name: 'Drafts' });
        const found = (await drafts.getByText('half a **thought**').count()) > 0;
        await page.keyboard.press('Escape');
        return found;
      }, 'the draft');

      // Enter on a focused link follows it, even with a message selected (not "reply").
      await sidebar.getByRole('link', { name: /^random/ }).focus();
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { name: '#random' }).waitFor();
    } finally {
      await a.context.close();
    }
  });

  it('narrows by stream, topic and search, in URLs that reopen and follow back and forward', async () => {
    const owner = server.client(server.owner);
    await owner.post('/messages', {
      type: 'stream',
      to: 'random',
      topic: 'misc',
      content: 'a needle in random',
    });
    await owner.post('/messages', {
      type: 'stream',
      to: 'design',
      topic: 'launch',
      content: 'launch needle plan',
    });
    const a = await signedIn(browser, server, alice);
    try {
      const search = a.page.getByRole('combobox', { name: 'Search' });
      await search.fill('stream:design topic:launch');
      await search.press('Enter');
      await a.page.getByRole('heading', { name: '#design › launch' }).waitFor();
      const topicUrl = a.page.url();
      expect(new URL(topicUrl).hash).toBe(`#narrow/channel/${designId}-design/topic/launch`);
      await messageWith(a.page, 'launch needle plan').waitFor();
      expect(await count(a.page, 'a needle in random')).toBe(0);

      await search.fill('needle');
      await search.press('Enter');
      await a.page.getByRole('heading', { name: 'Search: needle' }).waitFor();
      await messageWith(a.page, 'a needle in random').waitFor();
      await messageWith(a.page, 'launch needle plan').waitFor();
      expect(new URL(a.page.url()).hash).toBe('#narrow/search/needle');
      expect(await count(a.page, 'Old note 1')).toBe(0);

      await a.page.goBack();
      await a.page.getByRole('heading', { name: '#design › launch' }).waitFor();
      await a.page.goForward();
      await a.page.getByRole('heading', { name: 'Search: needle' }).waitFor();

      // The topic's URL opened afresh, in another tab.
      const again = await a.context.newPage();
      await again.goto(topicUrl);
      await again.getByRole('heading', { name: '#design › launch' }).waitFor();
      await messageWith(again, 'launch needle plan').waitFor();
      expect(await count(again, 'Old note 1')).toBe(0);
    } finally {
      await a.context.close();
    }
  });

  it('counts unread messages in the sidebar and drops the count as they are read', async () => {
    await server.client(server.owner).post('/users/me/subscriptions', {
      subscriptions: [{ name: 'quiet' }],
      principals: [alice.id, bob.id],
    });
    const b = await signedIn(browser, server, bob, {
      hash: `#narrow/channel/${designId}-design/topic/history`,
    });
    try {
      await b.page.evaluate(() => (location.hash = '#narrow/is/starred'));
      await b.page.getByRole('heading', { name: 'Starred messages' }).waitFor();
      for (let i = 1; i <= 3; i++) {
        await server.client(alice).post('/messages', {
          type: 'stream',
          to: 'quiet',
          topic: 'unread',
          content: `Unread ${i}`,
        });
      }
      const sidebar = b.page.getByRole('navigation', { name: 'Conversations' });
      const quietLink = sidebar.getByRole('link', { name: /quiet/ });
      await quietLink.getByLabel('3 unread messages').waitFor();
      await shot(b.page, 'chat-unread');
      await quietLink.click();
      await messageWith(b.page, 'Unread 3').waitFor();
      await eventually(
        async () => (await quietLink.getByLabel(/unread/).count()) === 0,
        'the count to drop',
      );
      // The sidebar drops the count at once; the server stores the flags a moment later.
      const allRead = async () => {
        const flags = await server.client(bob).get('/messages', {
          anchor: 'newest',
          num_before: 3,
          num_after: 0,
          narrow: [{ operator: 'stream', operand: 'quiet' }],
        });
        const messages = flags.body.messages as Array<{ flags: string[] }>;
        return messages.length === 3 && messages.every((m) => m.flags.includes('read'));
      };
      await eventually(allRead, 'the server to store the read flags');

      // A mention counts under Mentions, and that view lists it.
      await server.client(alice).post('/messages', {
        type: 'stream',
        to: 'quiet',
        topic: 'unread',
        content: '@**Bob Builder** a question for you',
      });
      const mentions = sidebar.getByRole('link', { name: /^Mentions/ });
      await mentions.getByLabel('1 unread mention').waitFor();
      await mentions.click();
      await b.page.getByRole('heading', { name: 'Mentions' }).waitFor();
      await messageWith(b.page, 'a question for you').waitFor();
      await eventually(async () => (await mentions.getByLabel(/unread/).count()) === 0, 'read');

      // Elsewhere, out of sight: "Mark all as read" clears every count, on the server too.
      await b.page.evaluate(() => (location.hash = '#narrow/is/starred'));
      await b.page.getByRole('heading', { name: 'Starred messages' }).waitFor();
      await server.client(alice).post('/messages', {
        type: 'stream',
        to: 'quiet',
        topic: 'unread',
        content: 'Unread 4',
      });
      await quietLink.getByLabel(/^1 unread/).waitFor();
      await sidebar.getByRole('button', { name: 'Mark all as read' }).click();
      await eventually(
        async () => (await sidebar.getByLabel(/unread/).count()) === 0,
        'every count to go',
      );
      const unread = await server.client(bob).get('/messages', {
        anchor: 'newest',
        num_before: 1,
        num_after: 0,
        narrow: [{ operator: 'is', operand: 'unread' }],
      });
      expect(unread.body.messages).toEqual([]);
    } finally {
      await b.context.close();
    }
  });

  it('has no serious accessibility problem in the dark theme, and fits a phone', async () => {
    const a = await signedIn(browser, server, alice, {
      hash: `#narrow/channel/${designId}-design`,
    });
    try {
      await a.page.getByRole('button', { name: 'Switch to dark theme' }).click();
      await a.page.getByRole('article').first().waitFor();
      expect(await seriousViolations(a.page)).toEqual([]);
      await shot(a.page, 'chat-dark');
      await a.page.keyboard.press('?');
      await a.page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
      await shot(a.page, 'chat-help');
      await a.page.keyboard.press('Escape');
      await a.page.setViewportSize({ width: 390, height: 780 });
      await a.page.getByRole('button', { name: 'Conversations' }).click();
      await a.page
        .getByRole('navigation', { name: 'Conversations' })
        .getByRole('link', { name: /random/ })
        .click();
      await a.page.getByRole('heading', { name: '#random' }).waitFor();
      await messageWith(a.page, 'a needle in random').waitFor();
      expect(await a.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        390,
      );
      // The search field keeps room to type in; Log out moves into the gear menu.
      const search = await a.page.getByRole('combobox', { name: 'Search' }).boundingBox();
      expect(search?.width).toBeGreaterThan(150);
      await shot(a.page, 'chat-phone');
      await a.page.getByRole('button', { name: 'Settings menu' }).click();
      await a.page.getByRole('menuitem', { name: 'Log out' }).waitFor();
      await shot(a.page, 'chat-phone-menu');
    } finally {
      await a.context.close();
    }
  });
});
