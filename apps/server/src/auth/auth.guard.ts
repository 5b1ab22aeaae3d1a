import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Response } from 'express';
import { ZulipError } from '../common/zulip-error';
import {
  AuthedRequest,
  HUMAN_USERS_ONLY,
  PUBLIC_ROUTE,
  RATE_LIMIT_BUCKET,
  SERVER_WIDE_ROUTE,
  WEBHOOK_BOT_ALLOWED,
} from '../identity/identity.decorators';
import {
  isSafeMethod,
  SessionAuthenticator,
  SessionRequest,
} from '../sessions/session-authenticator';
import { Authenticator } from './authenticator';

/**
 * The global guard: applies the Authenticator's rules (HTTP Basic) to every HTTP route not marked
 * public, or the session rules to requests that came in under `/json/`.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: Authenticator,
    private readonly sessions: SessionAuthenticator,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    if (ctx.getType() !== 'http') return true;
    const req = ctx.switchToHttp().getRequest<AuthedRequest>();
    const res = ctx.switchToHttp().getResponse<Response>();
    const targets: Parameters<Reflector['getAllAndOverride']>[1] = [
      ctx.getHandler(),
      ctx.getClass(),
    ];
    // Every state-changing `/json/` request needs the session and its CSRF token, public and
    // server-wide routes included: a page on another site cannot make a browser call any of them.
    const sessionWrite = !!(req as SessionRequest).viaSession && !isSafeMethod(req.method);
    if (this.reflector.getAllAndOverride<boolean>(SERVER_WIDE_ROUTE, targets) && !sessionWrite) {
      return true;
    }
    const realm = await this.auth.realmFor(req.headers.host);
    req.realm = realm;
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets) && !sessionWrite) {
      return true;
    }
    const webhookBotAllowed = !!this.reflector.getAllAndOverride<boolean>(
      WEBHOOK_BOT_ALLOWED,
      targets,
    );
    let user;
    if ((req as SessionRequest).viaSession) {
      // `/json/…`: the browser client, by session cookie and CSRF token.
      const found = await this.sessions.authenticate(req, realm);
      user = found.user;
      req.webSession = found.session;
    } else {
      user = await this.auth.authenticate(realm, req.headers.authorization, webhookBotAllowed);
    }
    req.user = user;
    const own = this.reflector.getAllAndOverride<{ bucket: string; times: number } | undefined>(
      RATE_LIMIT_BUCKET,
      targets,
    );
    const verdict = await this.auth.rateLimit(user, own);
    for (const [name, value] of Object.entries(verdict.headers)) res.setHeader(name, value);
    if (verdict.error) throw verdict.error;
    if (user.is_bot && this.reflector.getAllAndOverride<boolean>(HUMAN_USERS_ONLY, targets)) {
      throw ZulipError.badRequest('This endpoint does not accept bot requests.');
    }
    return true;
  }
}
