import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { API_CACHE_CONTROL, CREDENTIALS_VARY } from './no-store';
import { ZulipExceptionFilter } from './zulip-exception.filter';

/**
 * Writes a whole answer with every header in one list (the API's no-store headers included, as
 * installApiNoStore sets them on every other API answer): no header map to build and merge. For
 * the paths that answer in front of Express (long-polls, hot GETs).
 */
export function writeApiAnswer(
  res: ServerResponse,
  status: number,
  headers: Record<string, string>,
  body: string,
): void {
  if (res.headersSent || res.destroyed) return;
  const list = ['Cache-Control', API_CACHE_CONTROL, 'Vary', CREDENTIALS_VARY];
  for (const name in headers) list.push(name, headers[name]);
  list.push(
    'Content-Type',
    'application/json; charset=utf-8',
    'Content-Length',
    String(Buffer.byteLength(body)),
  );
  res.writeHead(status, list);
  // A string, not a Buffer: Node joins it to the header text, and no Buffer is made per answer.
  res.end(body);
}

const errors = new ZulipExceptionFilter();

/** Writes the error envelope for `err`, after the headers already decided (the rate limit's). */
export function writeApiError(
  res: ServerResponse,
  headers: Record<string, string>,
  err: unknown,
): void {
  const error = errors.toZulipError(err);
  const body = JSON.stringify(error.envelope());
  writeApiAnswer(res, error.status, { ...headers, ...error.headers }, body);
}

type RequestHandler = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * Puts `answers` in front of the HTTP server's request listeners (no-store, Express...), which get
 * every request it declines (returns false for), in their order.
 */
export function installInFront(
  server: Server,
  answers: (req: IncomingMessage, res: ServerResponse) => boolean,
): void {
  const others = server.listeners('request') as RequestHandler[];
  server.removeAllListeners('request');
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    if (answers(req, res)) return;
    for (const handler of others) handler.call(server, req, res);
  });
}
