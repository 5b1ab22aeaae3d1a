import type { Response } from 'express';
import { ZulipError } from '../common/zulip-error';
import type { Realm } from '../identity/realm.types';
import { messagePage } from './pages';
import { setPageHeaders } from '../common/security-headers';

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

/** Only a path on this site may follow a login (never `//other.example` or `https://…`). */
export function safeNext(next: string | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  return next;
}
