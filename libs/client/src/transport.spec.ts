import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ZulipNetworkError } from './errors';
import { HttpTransport } from './transport';

/**
 * A server that answers each connection's first request and then, once `dropReused` is set,
 * hangs up on any later request on the same connection: what a restarting server does to the
 * keep-alive sockets in a client's pool.
 */
async function flakyServer(): Promise<{ url: string; dropReused: () => void; close: () => void }> {
  let drop = false;
  const served = new WeakSet<object>();
  const server = http.createServer((req, res) => {
    if (drop && served.has(req.socket)) {
      req.socket.destroy();
      return;
    }
    served.add(req.socket);
    // Answer late enough that concurrent requests open separate sockets.
    setTimeout(() => res.end('{"result":"success","msg":""}'), 20);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/v1/x`,
    dropReused: () => void (drop = true),
    close: () => {
      server.closeAllConnections();
      server.close();
    },
  };
}

const get = (url: string) => ({
  method: 'GET',
  url: new URL(url),
  headers: {},
  timeoutMs: 5000,
});

describe('the HTTP transport and sockets the server closed', () => {
  it('retries a GET once on a fresh socket when its pooled socket was closed', async () => {
    const server = await flakyServer();
    const transport = new HttpTransport(false, { insecure: false });
    try {
      await transport.send(get(server.url));
      server.dropReused();
      const res = await transport.send(get(server.url));
      expect(res.status).toBe(200);
    } finally {
      transport.close();
      server.close();
    }
  });

  it('reports a network error (which loops retry) when the retry meets another closed socket', async () => {
    const server = await flakyServer();
    const transport = new HttpTransport(false, { insecure: false });
    try {
      // Two sockets in the pool, both of which the server will hang up on.
      await Promise.all([transport.send(get(server.url)), transport.send(get(server.url))]);
      server.dropReused();
      const outcome = await transport.send(get(server.url)).catch((e: unknown) => e);
      expect(outcome).toBeInstanceOf(ZulipNetworkError);
      expect((outcome as ZulipNetworkError).code).toBe('ECONNRESET');
    } finally {
      transport.close();
      server.close();
    }
  });
});
