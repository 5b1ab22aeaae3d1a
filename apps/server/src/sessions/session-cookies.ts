import type { IncomingMessage } from 'node:http';

/** The cookie that carries the session token (HttpOnly: scripts never see it). */
export const SESSION_COOKIE = 'sessionid';
/** The CSRF token, readable by the page's script, which echoes it in `X-CSRFToken`. */
export const CSRF_COOKIE = 'csrftoken';
export const CSRF_HEADER = 'x-csrftoken';
/** The hidden field server-rendered forms carry the CSRF token in. */
export const CSRF_FIELD = 'csrfmiddlewaretoken';

/** The cookies of a request, by name (the first of repeated names wins, as browsers send the most specific first). */
export function readCookies(req: Pick<IncomingMessage, 'headers'>): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim();
    if (!name || cookies.has(name)) continue;
    try {
      cookies.set(name, decodeURIComponent(part.slice(eq + 1).trim()));
    } catch {
      // A malformed value is no value.
    }
  }
  return cookies;
}

export interface CookieOptions {
  httpOnly: boolean;
  secure: boolean;
  /** Seconds; 0 deletes the cookie; undefined: a browser-session cookie. */
  maxAge?: number;
}

/**
 * One `Set-Cookie` value. No Domain attribute: the cookie stays on the exact host that set it, so
 * a session opened on one realm's host is never sent to another realm.
 */
export function cookieHeader(name: string, value: string, options: CookieOptions): string {
  const parts = [`${name}=${encodeURIComponent(value)}`, 'Path=/', 'SameSite=Lax'];
  if (options.maxAge !== undefined) parts.push(`Max-Age=${options.maxAge}`);
  if (options.httpOnly) parts.push('HttpOnly');
  if (options.secure) parts.push('Secure');
  return parts.join('; ');
}
