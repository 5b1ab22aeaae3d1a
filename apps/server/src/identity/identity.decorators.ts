import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Request } from 'express';
import type { Realm } from './realm.types';
import type { User } from './user.types';
import type { WebSession } from './web-session.types';

/** What the auth guard attaches to each request. */
export interface AuthedRequest extends Request {
  realm?: Realm;
  user?: User;
  /** Set when the request came in under `/json/` with a session cookie. */
  webSession?: WebSession;
}

export const PUBLIC_ROUTE = 'zulip:public';
export const WEBHOOK_BOT_ALLOWED = 'zulip:webhook-bot-allowed';
export const RATE_LIMIT_BUCKET = 'zulip:rate-limit-bucket';
export const HUMAN_USERS_ONLY = 'zulip:human-users-only';

/** The endpoint needs no authentication (the realm is still resolved from the Host). */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_ROUTE, true);

export const SERVER_WIDE_ROUTE = 'zulip:server-wide';

/**
 * The endpoint belongs to the server, not to a realm: no authentication and no realm lookup (it
 * answers whatever the Host, and while the database is down). For monitoring.
 */
export const ServerWide = (): MethodDecorator & ClassDecorator =>
  SetMetadata(SERVER_WIDE_ROUTE, true);

/**
 * Zulip's `human_users_only`: bots are refused with a 400 "This endpoint does not accept bot
 * requests." (the mobile apps' device and push endpoints, for instance).
 */
export const HumanUsersOnly = (): MethodDecorator & ClassDecorator =>
  SetMetadata(HUMAN_USERS_ONLY, true);

/** Incoming-webhook bots may call this endpoint; they may call no other. */
export const WebhookBotAllowed = (): MethodDecorator => SetMetadata(WEBHOOK_BOT_ALLOWED, true);

/**
 * The endpoint counts against its own per-user limit (`bucket`, `times` the usual one) instead of
 * the user's API limit: for bookkeeping calls that accompany the user's own traffic.
 */
export const OwnRateLimit = (bucket: string, times: number): MethodDecorator =>
  SetMetadata(RATE_LIMIT_BUCKET, { bucket, times });

/** The authenticated user. */
export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): User => {
  const user = ctx.switchToHttp().getRequest<AuthedRequest>().user;
  if (!user) throw new Error('CurrentUser used on a public route');
  return user;
});

/** The realm the request's Host names. */
export const CurrentRealm = createParamDecorator((_: unknown, ctx: ExecutionContext): Realm => {
  const realm = ctx.switchToHttp().getRequest<AuthedRequest>().realm;
  if (!realm) throw new Error('CurrentRealm used before realm resolution');
  return realm;
});

/** The token hash of the web session making the request, or undefined for API (Basic auth) calls. */
export const CurrentSessionHash = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): string | undefined =>
    ctx.switchToHttp().getRequest<AuthedRequest>().webSession?.token_hash,
);
