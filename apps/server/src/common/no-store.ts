import type { IncomingMessage, Server, ServerResponse } from 'node:http';

/** What every API answer says about caching: it is about one user, and changes on every call. */
export const API_CACHE_CONTROL = 'private, no-store';
/** The request headers that pick whose answer it is: any cache must key on them. */
export const CREDENTIALS_VARY = 'Authorization, Cookie';

/** Whether a request goes to the API (`/api/v1/…` with Basic auth, `/json/…` with a session). */
export function isApiPath(url: string | undefined): boolean {
  return !!url && (url.startsWith('/api/v1/') || url.startsWith('/json/'));
}

/**
 * Marks every API answer as never cacheable (and as depending on the credentials, for any cache
 * that ignores no-store), whichever handler writes it: Nest's controllers and
 * exception filter, the Express body parsers' errors, or the long-poll fast path that answers in
 * front of Express. Runs first on each request, so a handler may still override it deliberately.
 */
export function installApiNoStore(server: Server): void {
  server.prependListener('request', (req: IncomingMessage, res: ServerResponse) => {
    if (isApiPath(req.url)) {
      res.setHeader('Cache-Control', API_CACHE_CONTROL);
      res.setHeader('Vary', CREDENTIALS_VARY);
    }
  });
}
