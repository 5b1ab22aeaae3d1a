import type { Request, Response } from 'express';
import { cookieHeader, CSRF_COOKIE, CSRF_FIELD, readCookies } from '../sessions/session-cookies';
import { newToken, sameSecret } from '../sessions/sessions.service';

/**
 * CSRF protection for the sign-in forms, which have no session yet: the token is set as a cookie
 * when the form is shown and must come back in the form's hidden field (another site can make a
 * browser post a form, but can neither read nor set this site's cookies).
 */
export function formCsrfToken(req: Request, res: Response, secure: boolean): string {
  const existing = readCookies(req).get(CSRF_COOKIE);
  if (existing && /^[A-Za-z0-9_-]{20,}$/.test(existing)) return existing;
  const token = newToken();
  res.append('Set-Cookie', cookieHeader(CSRF_COOKIE, token, { httpOnly: false, secure }));
  return token;
}

export function formCsrfValid(req: Request, field: string | undefined): boolean {
  const cookie = readCookies(req).get(CSRF_COOKIE);
  return !!cookie && sameSecret(field, cookie);
}

export { CSRF_FIELD };
