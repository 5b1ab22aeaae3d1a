import type { Response } from 'express';
import { ZulipError } from '../common/zulip-error';
import type { Realm } from '../identity/realm.types';
import { messagePage } from './pages';
import { setPageHeaders } from '../common/security-headers';
import { clientIndexHtml } from './web-assets';

export function sendHtml(res: Response, status: number, html: string): void {
  setPageHeaders(res);
  res.status(status).type('html').send(html);
}

export function redirect(res: Response, location: string): void {
  res.setHeader('Cache-Control', 'no-store');
  res.redirect(302, location);
}

/** Renders a known error as a page with its status; anything else is a bug and propagates. */
export function sendErrorPage(
  res: Response,
  realm: Pick<Realm, 'name'>,
  title: string,
  err: unknown,
  link = { href: '/login/', text: 'Back to log in' },
): void {
  if (!(err instanceof ZulipError)) throw err;
  sendHtml(
    res,
    err.status,
    messagePage({ title, realmName: realm.name, error: err.message }, { link }),
  );
}

/**
 * The web client's page (it routes itself from the URL), or an error page saying how to build it.
 * `beforeSend` runs only when the client is sent (a cookie the page needs, say).
 */
export function sendClientPage(
  res: Response,
  realm: Pick<Realm, 'name'>,
  link?: { href: string; text: string },
  beforeSend?: () => void,
): void {
  const html = clientIndexHtml();
  if (html === null) {
    const notBuilt = 'The web client is not built: run `npm run build:web`.';
    return sendErrorPage(
      res,
      realm,
      'Web client not built',
      new ZulipError('BAD_REQUEST', notBuilt, 503),
      link,
    );
  }
  beforeSend?.();
  sendHtml(res, 200, html);
}

/** Only a path on this site may follow a login (never `//other.example` or `https://…`). */
export function safeNext(next: string | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  return next;
}
