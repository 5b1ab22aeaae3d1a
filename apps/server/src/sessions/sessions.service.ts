import { runInBackground } from '../database/query-counter';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { TLSSocket } from 'node:tls';
import { Inject, Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import type { AppConfig } from '@hub/config';
import { trustedProxyMatcher } from '@hub/config';
import { APP_CONFIG } from '../config/config.module';
import type { Realm } from '../identity/realm.types';
import type { User } from '../identity/user.types';
import { UsersRepository } from '../identity/users.repository';
import { cookieHeader, CSRF_COOKIE, readCookies, SESSION_COOKIE } from './session-cookies';
import type { WebSession } from '../identity/web-session.types';
import { SessionsRepository } from './sessions.repository';

/** A session is extended (and its last use recorded) at most this often. */
const EXTEND_AFTER_MS = 5 * 60_000;
const SWEEP_EVERY_MS = 60 * 60_000;

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Compares two secrets in constant time. */
export function sameSecret(given: string | undefined, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export interface ResolvedSession {
  session: WebSession;
  user: User;
}

/**
 * Server-side web sessions: opened at login (a fresh token every time, so a token planted before
 * login is worthless), bound to the realm of the host they were opened on, extended while used,
 * ended by logout, by deactivation and by a password change.
 */
@Injectable()
export class SessionsService implements OnModuleInit, OnModuleDestroy {
  private readonly isTrustedProxy: (address: string | undefined) => boolean;
  private sweeper: NodeJS.Timeout | undefined;

  constructor(
    private readonly repo: SessionsRepository,
    private readonly users: UsersRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.isTrustedProxy = trustedProxyMatcher(config.web.trustedProxies);
  }

  onModuleInit(): void {
    this.sweeper = setInterval(
      () => void runInBackground(() => this.repo.deleteExpired()).catch(() => 0),
      SWEEP_EVERY_MS,
    );
    this.sweeper.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.sweeper);
  }

  /** Opens a session for `user`; returns the cookies that carry it. */
  async start(user: User, req: IncomingMessage): Promise<{ cookies: string[]; csrfToken: string }> {
    const token = newToken();
    const csrfToken = newToken();
    await this.repo.create({
      token_hash: hashToken(token),
      user_id: user.id,
      realm_id: user.realm_id,
      csrf_token: csrfToken,
      expires_at: this.expiry(),
      ip: this.clientAddress(req),
      user_agent: String(req.headers['user-agent'] ?? '').slice(0, 300),
    });
    const age = this.config.web.sessionCookieAgeSeconds;
    const secure = this.isSecure(req);
    return {
      csrfToken,
      cookies: [
        cookieHeader(SESSION_COOKIE, token, { httpOnly: true, secure, maxAge: age }),
        cookieHeader(CSRF_COOKIE, csrfToken, { httpOnly: false, secure, maxAge: age }),
      ],
    };
  }

  /** The session the request's cookie names, if it is live and belongs to `realm`. */
  async resolve(req: IncomingMessage, realm: Realm): Promise<ResolvedSession | null> {
    const token = readCookies(req).get(SESSION_COOKIE);
    if (!token) return null;
    const session = await this.repo.find(hashToken(token));
    if (!session || session.realm_id !== realm.id || realm.deactivated) return null;
    const user = await this.users.findById(session.user_id);
    if (!user || !user.is_active || user.is_bot) {
      await this.repo.delete(session.token_hash);
      return null;
    }
    if (Date.now() - new Date(session.last_seen_at).getTime() > EXTEND_AFTER_MS) {
      await this.repo.extend(session.token_hash, this.expiry());
    }
    return { session, user };
  }

  /** Ends the request's session (if any); returns the cookies that clear it in the browser. */
  async end(req: IncomingMessage): Promise<string[]> {
    const token = readCookies(req).get(SESSION_COOKIE);
    if (token) await this.repo.delete(hashToken(token));
    return this.clearingCookies(req);
  }

  clearingCookies(req: IncomingMessage): string[] {
    const secure = this.isSecure(req);
    return [
      cookieHeader(SESSION_COOKIE, '', { httpOnly: true, secure, maxAge: 0 }),
      cookieHeader(CSRF_COOKIE, '', { httpOnly: false, secure, maxAge: 0 }),
    ];
  }

  /** Ends every session of a user, except (optionally) the one whose token hash is given. */
  endAllFor(userId: number, exceptTokenHash?: string): Promise<number> {
    return this.repo.deleteForUser(userId, exceptTokenHash);
  }

  /** Whether the request came over HTTPS: TLS here, or `X-Forwarded-Proto` from a trusted proxy. */
  isSecure(req: IncomingMessage): boolean {
    const setting = this.config.web.sessionCookieSecure;
    if (setting !== 'auto') return setting;
    if ((req.socket as TLSSocket).encrypted) return true;
    return (
      this.isTrustedProxy(req.socket.remoteAddress) &&
      String(req.headers['x-forwarded-proto'] ?? '')
        .split(',')[0]
        .trim() === 'https'
    );
  }

  /** The client's address: the peer, or the first `X-Forwarded-For` hop a trusted proxy reports. */
  clientAddress(req: IncomingMessage): string {
    const peer = req.socket.remoteAddress ?? '';
    if (!this.isTrustedProxy(peer)) return peer;
    const forwarded = String(req.headers['x-forwarded-for'] ?? '')
      .split(',')
      .map((hop) => hop.trim())
      .filter((hop) => hop !== '');
    return forwarded[forwarded.length - 1] ?? peer;
  }

  peerIsTrustedProxy(req: IncomingMessage): boolean {
    return this.isTrustedProxy(req.socket.remoteAddress);
  }

  private expiry(): Date {
    return new Date(Date.now() + this.config.web.sessionCookieAgeSeconds * 1000);
  }
}
