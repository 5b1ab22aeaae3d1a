import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Response } from 'express';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../../../../libs/config/src/config';
import { RateLimiter } from '../common/rate-limiter';
import { ZulipError } from '../common/zulip-error';
import { RealmResolver } from '../realms/realm-resolver.service';
import { UsersRepository } from '../users/users.repository';
import { BotType, User } from '../users/user.types';
import { looksLikeApiKey } from './api-key';
import { AuthedRequest, PUBLIC_ROUTE, WEBHOOK_BOT_ALLOWED } from './auth.decorators';

/** Parses `Authorization: Basic base64(email:api_key)`. */
export function parseBasicAuth(
  header: string | undefined,
): { email: string; apiKey: string } | null {
  if (!header) return null;
  const match = /^Basic\s+([A-Za-z0-9+/=_-]+)\s*$/i.exec(header);
  if (!match) throw ZulipError.unauthorized('Invalid authorization header for basic auth');
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) throw ZulipError.unauthorized('Invalid authorization header for basic auth');
  return { email: decoded.slice(0, colon), apiKey: decoded.slice(colon + 1) };
}

/**
 * The global guard: resolves the realm from the Host, authenticates HTTP Basic `email:api_key`,
 * enforces account and realm state, and applies the per-user rate limit.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly resolver: RealmResolver,
    private readonly users: UsersRepository,
    private readonly limiter: RateLimiter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    if (ctx.getType() !== 'http') return true;
    const req = ctx.switchToHttp().getRequest<AuthedRequest>();
    const res = ctx.switchToHttp().getResponse<Response>();
    const realm = await this.resolver.resolve(req.headers.host);
    req.realm = realm;
    const targets: Parameters<Reflector['getAllAndOverride']>[1] = [
      ctx.getHandler(),
      ctx.getClass(),
    ];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;

    const credentials = parseBasicAuth(req.headers.authorization);
    if (!credentials) throw ZulipError.unauthorized();
    if (!looksLikeApiKey(credentials.apiKey)) {
      throw new ZulipError('INVALID_API_KEY', 'Malformed API key', 401, {}, WWW_AUTH);
    }
    const user = await this.users.findByApiKey(credentials.apiKey);
    // An empty email authenticates by key alone, as Zulip's webhook URLs do (`?api_key=`); the
    // webhook gateway uses it to learn which bot a URL's key belongs to.
    const emailMatches =
      credentials.email === '' || user?.email.toLowerCase() === credentials.email.toLowerCase();
    if (!user || !emailMatches) {
      throw new ZulipError('INVALID_API_KEY', 'Invalid API key', 401, {}, WWW_AUTH);
    }
    if (user.realm_id !== realm.id) {
      throw new ZulipError(
        'INVALID_API_KEY',
        'Account is not associated with this subdomain',
        401,
        {},
        WWW_AUTH,
      );
    }
    if (realm.deactivated) {
      throw new ZulipError('REALM_DEACTIVATED', 'This organization has been deactivated', 401);
    }
    if (!user.is_active) throw new ZulipError('USER_DEACTIVATED', 'Account is deactivated', 401);
    this.checkBotRestrictions(user, targets);
    req.user = user;

    const limit = await this.limiter.hit(`user:${user.id}`, this.config.rateLimitPerMinute);
    res.setHeader('X-RateLimit-Limit', String(limit.limit));
    res.setHeader('X-RateLimit-Remaining', String(limit.remaining));
    res.setHeader('X-RateLimit-Reset', String(Math.ceil(Date.now() / 1000 + limit.resetIn)));
    if (!limit.allowed) throw ZulipError.rateLimited(limit.resetIn);
    return true;
  }

  private checkBotRestrictions(
    user: User,
    targets: Parameters<Reflector['getAllAndOverride']>[1],
  ): void {
    if (user.bot_type !== BotType.IncomingWebhook) return;
    if (this.reflector.getAllAndOverride<boolean>(WEBHOOK_BOT_ALLOWED, targets)) return;
    throw new ZulipError('BAD_REQUEST', 'This API is not available to incoming webhook bots.', 403);
  }
}

const WWW_AUTH = { 'WWW-Authenticate': 'Basic realm="zulip"' };
