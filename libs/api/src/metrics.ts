import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';
import { ZulipError } from './zulip-error';

/**
 * A process's Prometheus registry with the runtime metrics (`process_*`, `nodejs_*`: memory, CPU,
 * event-loop lag, handles). One registry per application, so several apps in one process (tests)
 * keep their own counters.
 */
export function createMetricsRegistry(): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return registry;
}

/** The route of a request that no handler matched (a 404), or a static file. */
export const UNMATCHED_ROUTE = 'unmatched';

/**
 * Request counts and latencies by route pattern (`/api/v1/messages/:message_id`, never the raw
 * URL: a label per message id would grow without bound). `routeOf` names the pattern a request
 * took; it runs when the answer is finished, after Express has matched the route.
 */
export function instrumentHttp(
  server: Server,
  registry: Registry,
  routeOf: (req: IncomingMessage) => string | undefined,
): void {
  const requests = new Counter({
    name: 'http_requests_total',
    help: 'HTTP requests answered, by method, route pattern and status code',
    labelNames: ['method', 'route', 'status'],
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'Time from request to the end of the answer, by method and route pattern (long polls included)',
    labelNames: ['method', 'route'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
    registers: [registry],
  });
  server.prependListener('request', (req: IncomingMessage, res: ServerResponse) => {
    const started = process.hrtime.bigint();
    res.once('finish', () => {
      const method = req.method ?? 'GET';
      const route = routeOf(req) ?? UNMATCHED_ROUTE;
      requests.inc({ method, route, status: String(res.statusCode) });
      duration.observe({ method, route }, Number(process.hrtime.bigint() - started) / 1e9);
    });
  });
}

/** The route pattern Express matched (`req.route`, set by its router), prefixed by its mount. */
export function expressRoute(req: IncomingMessage): string | undefined {
  const matched = req as IncomingMessage & { route?: { path?: unknown }; baseUrl?: string };
  const pattern = matched.route?.path;
  return typeof pattern === 'string' ? `${matched.baseUrl ?? ''}${pattern}` : undefined;
}

const LOOPBACK = /^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|::1|::ffff:127\.\d{1,3}\.\d{1,3}\.\d{1,3})$/;

/**
 * Whether `GET /metrics` may answer: with the bearer token (METRICS_TOKEN) from anywhere, or
 * without it from loopback when no proxy forwarded the request (a front web server on the same
 * host would otherwise open it to the world). Throws the 401 the client gets otherwise.
 */
export function assertMetricsAccess(req: IncomingMessage, token: string | undefined): void {
  const header = req.headers.authorization ?? '';
  const bearer = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
  if (bearer !== undefined) {
    if (token !== undefined && sameSecret(bearer, token)) return;
    throw metricsDenied('Invalid metrics token');
  }
  const forwarded =
    req.headers['x-forwarded-for'] !== undefined || req.headers.forwarded !== undefined;
  if (!forwarded && LOOPBACK.test(req.socket.remoteAddress ?? '')) return;
  throw metricsDenied(
    token === undefined
      ? 'Metrics are served only on loopback (set METRICS_TOKEN to scrape from elsewhere)'
      : 'Metrics need the bearer token (METRICS_TOKEN) from outside loopback',
  );
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function metricsDenied(msg: string): ZulipError {
  return new ZulipError('UNAUTHORIZED', msg, 401, {}, { 'WWW-Authenticate': 'Bearer' });
}

/** Writes the registry in the Prometheus text format, never cached. */
export async function writeMetrics(registry: Registry, res: ServerResponse): Promise<void> {
  const body = await registry.metrics();
  res.setHeader('Content-Type', registry.contentType);
  res.setHeader('Cache-Control', 'no-store');
  res.end(body);
}
