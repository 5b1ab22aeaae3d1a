import type { Browser, WebSocketRoute } from 'playwright-core';
import { startTestServer, TestServer, TestUser } from '../helpers/test-server';
import { describeBrowser, eventually, launchBrowser, messageWith, shot, signedIn } from './browser';

/** The page's globals, inside `page.evaluate` (this project's TypeScript has no DOM library). */
declare class DataTransfer {
  items: { add(file: File): void };
}
declare class ClipboardEvent {
  constructor(
    type: string,
    init: { clipboardData: DataTransfer; bubbles: boolean; cancelable: boolean },
  );
}
declare class DragEvent {
  constructor(
    type: string,
    init: { dataTransfer: DataTransfer; bubbles: boolean; cancelable: boolean },
  );
}
interface EventTarget {
  dispatchEvent(e: ClipboardEvent | DragEvent): void;
}
declare const document: {
  getElementById(id: string): (EventTarget & { focus(): void }) | null;
  querySelector(selector: string): EventTarget | null;
};

const SOCKET = /\/api\/v1\/events\/socket/;

describeBrowser('the client in real time', () => {
  let browser: Browser;
  let server: TestServer;
  let alice: TestUser;
  let bob: TestUser;

  beforeAll(async () => {
    browser = await launchBrowser();
    server = await startTestServer();
    alice = await server.createUser({ fullName: 'Alice Liddell' });
    bob = await server.createUser({ fullName: 'Bob Builder' });
    await server.client(server.owner).post('/users/me/subscriptions', {
      subscriptions: [{ name: 'ops' }],
      principals: [alice.id, bob.id],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('resumes its event queue after the socket drops, missing nothing and repeating nothing', async () => {
    const sockets: WebSocketRoute[] = [];
    let holdReconnect: (() => void) | null = null;
    const { context, page } = await signedIn(browser, server, bob, {
      hash: '#narrow/channel/ops',
      prepare: (ctx) =>
        ctx.routeWebSocket(SOCKET, (ws) => {
          sockets.push(ws);
          // The first socket goes straight through; the next one waits until the test lets it.
          if (sockets.length === 1) ws.connectToServer();
          else holdReconnect = () => ws.connectToServer();
        }),
    });
    try {
      const send = (content: string) =>
        server
          .client(alice)
          .post('/messages', { type: 'stream', to: 'ops', topic: 'incident', content });
      await send('before the drop');
      await messageWith(page, 'before the drop').waitFor();

      await sockets[0].close({ code: 1006, reason: 'network gone' });
      await page.getByText('Reconnecting…', { exact: false }).first().waitFor();
      await shot(page, 'realtime-reconnecting');
      for (let i = 1; i <= 3; i++) await send(`while away ${i}`);
      await eventually(async () => holdReconnect !== null, 'the client to reconnect');
      holdReconnect!();
      await page
        .getByRole('status')
        .filter({ hasText: /^Connected$/ })
        .waitFor();
      for (let i = 1; i <= 3; i++) await messageWith(page, `while away ${i}`).waitFor();
      await send('after the return');
      await messageWith(page, 'after the return').waitFor();
      for (const text of [
        'before the drop',
        'while away 1',
        'while away 2',
        'while away 3',
        'after the return',
      ]) {
        expect(await messageWith(page, text).count()).toBe(1);
      }
    } finally {
      await context.close();
    }
  });

  it('falls back to long-polling when no event socket can be opened', async () => {
    const { context, page } = await signedIn(browser, server, bob, {
      hash: '#narrow/channel/ops',
      connected: /^Connected \(polling\)$/,
      prepare: (ctx) =>
        ctx.routeWebSocket(SOCKET, (ws) => void ws.close({ code: 1006, reason: 'blocked' })),
    });
    try {
      await server
        .client(alice)
        .post('/messages', { type: 'stream', to: 'ops', topic: 'poll', content: 'over long-poll' });
      await messageWith(page, 'over long-poll').waitFor();
    } finally {
      await context.close();
    }
  });

  it('shows the other person typing in the conversation', async () => {
    const a = await signedIn(browser, server, alice, { hash: `#narrow/dm/${bob.id}` });
    const b = await signedIn(browser, server, bob, { hash: `#narrow/dm/${alice.id}` });
    try {
      const box = a.page.getByLabel('Message', { exact: true });
      await box.pressSequentially('thinking');
      await b.page.getByText('Alice Liddell is typing…').waitFor();
      await shot(b.page, 'realtime-typing');
      // Shift+Enter adds a line; Enter sends.
      await box.press('Shift+Enter');
      await box.pressSequentially('about it');
      expect(await box.inputValue()).toBe('thinking\nabout it');
      await box.press('Enter');
      await messageWith(b.page, 'about it').waitFor();
      await eventually(
        async () => (await b.page.getByText('Alice Liddell is typing…').count()) === 0,
        'the notice to go',
      );
    } finally {
      await a.context.close();
      await b.context.close();
    }
  });

  it('uploads files pasted, dropped and chosen with the button, and links each in the message', async () => {
    const a = await signedIn(browser, server, alice, { hash: '#narrow/channel/ops/topic/files' });
    try {
      await a.page.getByLabel('Message', { exact: true }).click();
      await a.page.evaluate(() => {
        const pasted = new DataTransfer();
        pasted.items.add(new File(['pasted text file'], 'notes.txt', { type: 'text/plain' }));
        const box = document.getElementById('compose-message');
        box?.focus();
        box?.dispatchEvent(
          new ClipboardEvent('paste', { clipboardData: pasted, bubbles: true, cancelable: true }),
        );
      });
      const box = a.page.getByLabel('Message', { exact: true });
      const linked = (name: string) =>
        eventually(
          async () =>
            new RegExp(`\\[${name.replace('.', '\\.')}\\]\\(/user_uploads/[^)]+\\)`).test(
              await box.inputValue(),
            ),
          `the link to ${name}`,
        );
      await linked('notes.txt');

      // Dropped on the compose box.
      await a.page.evaluate(() => {
        const dropped = new DataTransfer();
        dropped.items.add(new File(['dropped file'], 'dropped.txt', { type: 'text/plain' }));
        const area = document.querySelector('section[aria-label="Compose"]');
        for (const type of ['dragover', 'drop'])
          area?.dispatchEvent(
            new DragEvent(type, { dataTransfer: dropped, bubbles: true, cancelable: true }),
          );
      });
      await linked('dropped.txt');

      // Chosen with the upload button.
      const [chooser] = await Promise.all([
        a.page.waitForEvent('filechooser'),
        a.page.getByRole('button', { name: 'Upload files' }).click(),
      ]);
      await chooser.setFiles({
        name: 'chosen.txt',
        mimeType: 'text/plain',
        buffer: Buffer.from('chosen file'),
      });
      await linked('chosen.txt');

      await box.press('Enter');
      const sent = messageWith(a.page, 'notes.txt');
      for (const [name, content] of [
        ['notes.txt', 'pasted text file'],
        ['dropped.txt', 'dropped file'],
        ['chosen.txt', 'chosen file'],
      ]) {
        const link = sent.getByRole('link', { name });
        await link.waitFor();
        const file = await a.page.request.get((await link.getAttribute('href')) ?? '');
        expect(file.status()).toBe(200);
        expect(await file.text()).toBe(content);
      }
    } finally {
      await a.context.close();
    }
  });
});
