import * as dns from 'node:dns';
import * as net from 'node:net';
import type { AddressInfo } from 'node:net';
import { postOnce } from '../../apps/server/src/bot-runtimes/outgoing-http';
import { rawRequest } from '../helpers/api-client';
import { startTestServer, TestServer } from '../helpers/test-server';
import { GatewayStack } from '../gateway/helpers/gateway-stack';
import { githubFixture } from '../gateway/helpers/own-fixtures';
import {
  botEventsSettled,
  createBot,
  eventually,
  fastRetries,
  messagesIn,
} from '../bot-runtimes/runtime-fixtures';

jest.mock('node:dns', () => {
  const actual = jest.requireActual<typeof import('node:dns')>('node:dns');
  return { ...actual, lookup: jest.fn(actual.lookup) };
});

type LookupCallback = (
  err: Error | null,
  address: string | dns.LookupAddress[],
  family?: number,
) => void;

const realLookup = jest.requireActual<typeof import('node:dns')>('node:dns').lookup as unknown as (
  name: string,
  options: dns.LookupOptions,
  callback: LookupCallback,
) => void;
const lookup = dns.lookup as unknown as jest.Mock;
/** What each scripted name resolves to, call after call (the last answer repeats). */
const scripts = new Map<string, string[]>();
/** How often each scripted name was resolved. */
const resolutions = new Map<string, number>();

lookup.mockImplementation(
  (name: string, options: dns.LookupOptions, callback: LookupCallback): void => {
    const answers = scripts.get(name);
    if (!answers) {
      realLookup(name, options, callback);
      return;
    }
    resolutions.set(name, (resolutions.get(name) ?? 0) + 1);
    const address = answers.length > 1 ? answers.shift()! : answers[0];
    const family = net.isIP(address);
    if (options.all) callback(null, [{ address, family }]);
    else callback(null, address, family);
  },
);

/** A public address nothing here listens on: the first, checked, answer of a rebinding name. */
const PUBLIC = '192.88.99.1';

/** An "internal service" on loopback that counts every connection made to it, HTTP or TLS. */
interface InternalService {
  port: number;
  connections(): number;
  reset(): void;
  close(): Promise<void>;
}

async function internalService(): Promise<InternalService> {
  let count = 0;
  const server = net.createServer((socket) => {
    count++;
    socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    connections: () => count,
    reset: () => {
      count = 0;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/*
 * Security class "outbound requests": the server's requests to URLs that members (outgoing-webhook
 * bots) or third parties (an identity provider's metadata, webhook payloads) choose never reach
 * loopback, private or link-local addresses unless the host is allowed, DNS rebinding included:
 * a name is resolved once and the connection goes to the address that was checked.
 */
describe('security: outbound requests stay off private networks', () => {
  let internal: InternalService;
  beforeAll(async () => {
    internal = await internalService();
  });
  afterAll(() => internal.close());
  beforeEach(() => {
    scripts.clear();
    resolutions.clear();
    internal.reset();
  });

  describe('outgoing webhooks', () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startTestServer({ env: { OUTGOING_WEBHOOK_ALLOWED_HOSTS: '' } });
      fastRetries(server);
    });
    afterAll(() => server.stop());

    it('a bot URL whose name resolves to loopback is refused, and the owner is told', async () => {
      scripts.set('intranet.rebind.test', ['127.0.0.1']);
      const ownerApi = server.client(server.owner);
      const bot = await createBot(ownerApi, {
        full_name: 'Intranet Bot',
        short_name: 'intranet',
        bot_type: 3,
        payload_url: JSON.stringify(`http://intranet.rebind.test:${internal.port}/hook`),
        interface_type: 1,
      });
      const sent = await server.client(server.owner).post('/messages', {
        type: 'private',
        to: JSON.stringify([bot.userId]),
        content: 'what runs on your network?',
      });
      expect(sent.status).toBe(200);
      const notices = await eventually(
        async () =>
          (await messagesIn(ownerApi, [{ operator: 'dm', operand: [bot.userId] }])).filter(
            (m) => m.sender_id === bot.userId,
          ),
        (found) => found.length > 0,
      );
      expect(notices[0].content).toMatch(/intranet\.rebind\.test is on a private network address/);
      await botEventsSettled(server);
      expect(internal.connections()).toBe(0);
    });

    it('DNS rebinding: a name that answers public, then loopback, is connected to where it was checked', async () => {
      scripts.set('rebinding.rebind.test', [PUBLIC, '127.0.0.1']);
      const url = new URL(`http://rebinding.rebind.test:${internal.port}/hook`);
      // The public address is nowhere in this test: the request fails or times out, either way.
      await postOnce(url, {}, '{}', 3000, new Set()).catch((err: Error) => err);
      expect(internal.connections()).toBe(0);
      expect(resolutions.get('rebinding.rebind.test')).toBe(1);
    });
  });

  describe('OpenID Connect discovery', () => {
    async function signInStart(
      env: Record<string, string>,
    ): Promise<{ status: number; text: string }> {
      const server = await startTestServer({ env: { OIDC_CLIENT_ID: 'zulip-hub', ...env } });
      try {
        const url = new URL('/accounts/login/oidc/', server.url);
        return await rawRequest(url, 'GET', { host: url.host });
      } finally {
        await server.stop();
      }
    }

    it('an issuer on a loopback address is not contacted unless OIDC_ALLOWED_HOSTS names it', async () => {
      const page = await signInStart({ OIDC_ISSUER: `http://127.0.0.1:${internal.port}` });
      expect(page.status).toBe(502);
      expect(page.text).toContain('The identity provider cannot be reached.');
      expect(internal.connections()).toBe(0);
    });

    it('DNS rebinding: an issuer name answering public, then loopback, never reaches loopback', async () => {
      scripts.set('idp.rebind.test', [PUBLIC, '127.0.0.1']);
      const page = await signInStart({ OIDC_ISSUER: `https://idp.rebind.test:${internal.port}` });
      expect(page.status).toBe(502);
      expect(internal.connections()).toBe(0);
      expect(resolutions.get('idp.rebind.test')).toBe(1);
    });
  });

  describe('the webhook gateway', () => {
    it('fetches nothing a payload names: URLs in it are text, not requests', async () => {
      const stack = await GatewayStack.start({ redis: false });
      try {
        const stream = await stack.newStream();
        // A real push payload whose every link (repository, commits, avatars) points inside.
        const body = githubFixture('push__force').replace(
          /https:\/\/(api\.)?github\.com|https:\/\/avatars\.githubusercontent\.com/g,
          `http://127.0.0.1:${internal.port}`,
        );
        expect(body).toContain(`http://127.0.0.1:${internal.port}/`);
        const reply = await stack.webhook('github', {
          query: { stream },
          headers: { 'X-GitHub-Event': 'push' },
          body,
        });
        expect(reply.status).toBe(200);
        await stack.waitForMessages([{ operator: 'stream', operand: stream }], 1);
        expect(internal.connections()).toBe(0);
      } finally {
        await stack.stop();
      }
    });
  });
});
