import type { IncomingMessage } from 'node:http';
import { Injectable } from '@nestjs/common';
import { ZulipError } from '../common/zulip-error';
import type { Realm } from '../identity/realm.types';
import { CSRF_HEADER } from './session-cookies';
import { ResolvedSession, sameSecret, SessionsService } from './sessions.service';

/** Methods that change nothing and so need no CSRF token. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Whether `method` changes nothing (and so needs no CSRF token). */
export function isSafeMethod(method: string | undefined): boolean {
  return SAFE_METHODS.has(method ?? 'GET');
}

/** A request that arrived under `/json/`: authenticated by the session cookie, not HTTP Basic. */
export interface SessionRequest extends IncomingMessage {
  viaSession?: boolean;
}

/**
 * Rewrites `/json/<path>` to `/api/v1/<path>` (every API handler answers both) and marks the
 * request, so the guard authenticates it by session and CSRF token instead of Basic auth.
 */
export function jsonPrefixMiddleware(req: SessionRequest, _res: unknown, next: () => void): void {
  if (req.url?.startsWith('/json/')) {
    req.url = `/api/v1/${req.url.slice('/json/'.length)}`;
    req.viaSession = true;
  }
  next();
}

/** The session rules the guard applies to `/json/` requests. */
@Injectable()
export class SessionAuthenticator {
  constructor(private readonly sessions: SessionsService) {}

  async authenticate(req: SessionRequest, realm: Realm): Promise<ResolvedSession> {
    const found = await this.sessions.resolve(req, realm);
    // No `WWW-Authenticate: Basic` here: browsers would answer it with a password prompt.
    if (!found) {
      throw new ZulipError(
        'UNAUTHORIZED',
        'Not logged in: API authentication or user session required',
        401,
      );
    }
    if (!isSafeMethod(req.method)) {
      const token = req.headers[CSRF_HEADER];
      if (!token) throw new ZulipError('CSRF_FAILED', 'CSRF error: CSRF token missing.', 403);
      if (!sameSecret(String(token), found.session.csrf_token)) {
        throw new ZulipError('CSRF_FAILED', 'CSRF error: CSRF token incorrect.', 403);
      }
    }
    return found;
  }
}
