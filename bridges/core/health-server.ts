import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * `GET /health`: the report as JSON, 200 while healthy and 503 otherwise, so a load balancer or
 * `curl -f` in a systemd `ExecStartPost`/monitoring check can tell. Anything else is a 404.
 */
export async function startHealthServer(
  host: string,
  port: number,
  report: () => { ok: boolean },
): Promise<{ port: number; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (req.method !== 'GET' || url.pathname !== '/health') {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: 'not found; try GET /health' }));
      return;
    }
    const body = report();
    res.writeHead(body.ok ? 200 : 503, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
