import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ZulipApiError, ZulipClient } from '@hub/client';
import { ClientBotBackend } from './client-backend';
import { CachedBotStorage } from './storage';

/** Bot storage the way the server answers it: 400 "Key does not exist." for an absent key. */
function storageServer() {
  const stored = new Map<string, string>([['visits', '3']]);
  const calls: string[] = [];
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString()));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://x');
      const params = new URLSearchParams(raw || url.search);
      calls.push(`${req.method} ${url.pathname}`);
      const send = (status: number, body: object): void => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      const ok = (body: object = {}): void => send(200, { result: 'success', msg: '', ...body });
      const missing = (): void =>
        send(400, { result: 'error', msg: 'Key does not exist.', code: 'BAD_REQUEST' });
      if (url.pathname === '/api/v1/users/42') {
        return ok({ user: { user_id: 42, is_bot: true } });
      }
      if (url.pathname === '/api/v1/users/43') {
        return send(401, { result: 'error', msg: 'Invalid API key', code: 'INVALID_API_KEY' });
      }
      const keys = JSON.parse(params.get('keys') ?? '[]') as string[];
      if (req.method === 'GET') {
        if (keys.some((key) => !stored.has(key))) return missing();
        return ok({ storage: Object.fromEntries(keys.map((key) => [key, stored.get(key)])) });
      }
      if (req.method === 'PUT') {
        const entries = JSON.parse(params.get('storage') ?? '{}') as Record<string, string>;
        for (const [key, value] of Object.entries(entries)) stored.set(key, value);
        return ok();
      }
      if (keys.some((key) => !stored.has(key))) return missing();
      keys.forEach((key) => stored.delete(key));
      return ok();
    });
  });
  return { server, stored, calls };
}

describe('ClientBotBackend (libs/client)', () => {
  const fake = storageServer();
  let client: ZulipClient;

  beforeAll(async () => {
    await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));
    const { port } = fake.server.address() as AddressInfo;
    client = new ZulipClient({
      email: 'bot@example.com',
      apiKey: 'key',
      site: `http://127.0.0.1:${port}`,
      logger: null,
      env: {},
    });
  });

  afterAll(() => {
    client.close();
    return new Promise<void>((resolve) => fake.server.close(() => resolve()));
  });

  it('keeps JSON values in the server bot storage and treats absent keys as absent', async () => {
    const storage = new CachedBotStorage(new ClientBotBackend(client));
    expect(await storage.get('visits')).toBe(3);
    expect(await storage.contains('nope')).toBe(false);
    await storage.put('board', ['X', null]);
    expect(fake.stored.get('board')).toBe('["X",null]');
    await storage.remove('board');
    await storage.remove('never-stored');
    expect(fake.stored.has('board')).toBe(false);
  });

  it('asks the server once whether a user is a bot, and passes other errors on', async () => {
    const backend = new ClientBotBackend(client);
    fake.calls.length = 0;
    expect(await backend.isBot(42)).toBe(true);
    expect(await backend.isBot(42)).toBe(true);
    expect(fake.calls).toEqual(['GET /api/v1/users/42']);
    await expect(backend.isBot(43)).rejects.toBeInstanceOf(ZulipApiError);
  });
});
