import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { guardedFetch } from './guarded-fetch';
import { PrivateAddressError } from './network-guard';

describe('guardedFetch', () => {
  let server: http.Server;
  let base: string;
  const seen: Array<{ method: string; body: string; type: string }> = [];

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        seen.push({
          method: req.method ?? '',
          body: Buffer.concat(chunks).toString(),
          type: req.headers['content-type'] ?? '',
        });
        if (req.url === '/big') return res.end('x'.repeat(5000));
        if (req.url === '/moved') return res.writeHead(302, { location: '/elsewhere' }).end();
        if (req.url === '/empty') return res.writeHead(204).end();
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const allowed = guardedFetch({
    allowedHosts: new Set(['127.0.0.1']),
    timeoutMs: 2000,
    maxBytes: 1000,
  });

  it('answers as fetch would for an allowed host: status, headers, body', async () => {
    const res = await allowed(`${base}/meta`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(await res.json()).toEqual({ ok: true });
    const empty = await allowed(`${base}/empty`);
    expect(empty.status).toBe(204);
  });

  it('sends a form body and follows no redirect', async () => {
    seen.length = 0;
    const res = await allowed(`${base}/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ code: 'abc', grant_type: 'authorization_code' }),
    });
    expect(res.status).toBe(200);
    expect(seen).toEqual([
      {
        method: 'POST',
        body: 'code=abc&grant_type=authorization_code',
        type: 'application/x-www-form-urlencoded',
      },
    ]);
    const moved = await allowed(`${base}/moved`);
    expect(moved.status).toBe(302);
    expect(moved.headers.get('location')).toBe('/elsewhere');
  });

  it('refuses a private address that is not allowed, before connecting', async () => {
    seen.length = 0;
    const strict = guardedFetch({ allowedHosts: new Set(), timeoutMs: 2000, maxBytes: 1000 });
    await expect(strict(`${base}/meta`)).rejects.toBeInstanceOf(PrivateAddressError);
    await expect(strict('file:///etc/passwd')).rejects.toThrow(/not fetched/);
    expect(seen).toEqual([]);
  });

  it('refuses an answer larger than the limit', async () => {
    await expect(allowed(`${base}/big`)).rejects.toThrow(/larger than 1000 bytes/);
  });
});
