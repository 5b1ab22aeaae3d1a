import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '@hub/config';
import { RateLimiter, RateLimitResult } from '../common/rate-limiter';
import { ZulipError } from '../common/zulip-error';
import { RealmResolver } from '../identity/realm-resolver.service';
import type { Realm } from '../identity/realm.types';
import { UsersRepository } from '../identity/users.repository';
import { BotType, User } from '../identity/user.types';
import { looksLikeApiKey } from '../identity/api-key';

const WWW_AUTH = { 'WWW-Authenticate': 'Basic realm="zulip"' };

/** Parses `Authorization: Basic base64(email:api_key)`. */
export function parseBasicAuth(
  header: string | undefined,
): { email: string; apiKey: string } | null {
  if (!header) return null;
  const known = parsedHeaders.get(header);
  if (known) return { ...known };
  const match = /^Basic\s+([A-Za-z0-9+/=_-]+)\s*$/i.exec(header);
  if (!match) throw ZulipError.unauthorized('Invalid authorization header for basic auth');
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) throw ZulipError.unauthorized('Invalid authorization header for basic auth');
  const credentials = { email: decoded.slice(0, colon), apiKey: decoded.slice(colon + 1) };
  if (parsedHeaders.size >= MAX_PARSED_HEADERS) {
    // The oldest goes: one new client must not make every other one parse again.
    parsedHeaders.delete(parsedHeaders.keys().next().value as string);
  }
  parsedHeaders.set(header, credentials);
  return { ...credentials };
}

/**
 * Headers already parsed: each client sends the same one with every request (a long-poller,
 * many a second). Bounded (as many as the clients one process holds); the oldest leaves first.
 */
const parsedHeaders = new Map<string, Readonly<{ email: string; apiKey: string }>>();
const MAX_PARSED_HEADERS = 50_000;

/** What the per-user rate limit says about one request: headers to send, and whether it may run. */
export interface RateLimitVerdict {
  headers: Record<string, string>;
  /** Set when the request must be refused. */
  error?: ZulipError;
}

/**
 * The API's authentication rules, shared by the global guard and the long-poll fast path:
 * realm from the Host, HTTP Basic `email:api_key`, account and realm state, bot restrictions and
 * the per-user rate limit.
 */
@Injectable()
export class Authenticator {
  constructor(
    private readonly resolver: RealmResolver,
    private readonly users: UsersRepository,
    private readonly limiter: RateLimiter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  realmFor(host: string | undefined): Promise<Realm> {
    return this.resolver.resolve(host);
  }

  /** The user the Authorization header names in `realm`; throws the Zulip error otherwise. */
  async authenticate(
    realm: Realm,
    authorization: string | undefined,
    webhookBotAllowed: boolean,
  ): Promise<User> {
    const credentials = parseBasicAuth(authorization);
    if (!credentials) throw ZulipError.unauthorized();
    return this.userFor(realm, credentials, webhookBotAllowed);
  }

  /** The user `email` + `apiKey` name in `realm` (Basic auth, or a WebSocket's auth message). */
  async userFor(
    realm: Realm,
    credentials: { email: string; apiKey: string },
    webhookBotAllowed: boolean,
  ): Promise<User> {
    assertWellFormed(credentials);
    const user = await this.users.findByApiKey(credentials.apiKey);
    return checkUser(realm, credentials, user, webhookBotAllowed);
  }

  /**
   * `realmFor` + `authenticate` answered from the lookup caches without waiting, for the hot
   * long-poll path: the same rules and errors, or undefined when the realm or the user is not
   * cached (the caller then takes the asynchronous way, which reads them). The user is the
   * cached row itself: read-only.
   */
  authenticateCached(
    host: string | undefined,
    authorization: string | undefined,
    webhookBotAllowed: boolean,
  ): Readonly<User> | undefined {
    return this.cachedRealmAndUser(host, authorization, webhookBotAllowed)?.user;
  }

  /** `authenticateCached`, with the realm it resolved (a hot GET answered in front of Nest). */
  cachedRealmAndUser(
    host: string | undefined,
    authorization: string | undefined,
    webhookBotAllowed: boolean,
  ): { realm: Readonly<Realm>; user: Readonly<User> } | undefined {
    const realm = this.resolver.resolveCached(host);
    if (!realm) return undefined;
    const credentials = parseBasicAuth(authorization);
    if (!credentials) throw ZulipError.unauthorized();
    assertWellFormed(credentials);
    const user = this.users.cachedByApiKey(credentials.apiKey);
    if (!user) return undefined;
    return { realm, user: checkUser(realm, credentials, user, webhookBotAllowed) };
  }

  /**
   * The guard's rules for an HTTP Basic route without options of its own, for the routes answered
   * ahead of Nest (hot GETs, API sends): realm, credentials and account state (from the caches
   * when warm), then the user's rate limit. The verdict's error, if any, is the caller's to throw
   * after taking its headers.
   */
  async admit(
    host: string | undefined,
    authorization: string | undefined,
    webhookBotAllowed: boolean,
  ): Promise<{ realm: Readonly<Realm>; user: Readonly<User>; verdict: RateLimitVerdict }> {
    let found = this.cachedRealmAndUser(host, authorization, webhookBotAllowed);
    if (!found) {
      const realm = await this.realmFor(host);
      found = { realm, user: await this.authenticate(realm, authorization, webhookBotAllowed) };
    }
    const verdict = this.rateLimitNow(found.user) ?? (await this.rateLimit(found.user));
    return { ...found, verdict };
  }

  /** The user's API limit, or the endpoint's own bucket (`@OwnRateLimit`). */
  async rateLimit(user: User, own?: { bucket: string; times: number }): Promise<RateLimitVerdict> {
    const limit = own
      ? await this.limiter.hit(
          `${own.bucket}:${user.id}`,
          this.config.rateLimitPerMinute * own.times,
        )
      : await this.limiter.hit(`user:${user.id}`, this.config.rateLimitPerMinute);
    return verdictOf(limit);
  }

  /**
   * The user's API limit counted without waiting, when the counters are in this process; undefined
   * when they are in Redis (use `rateLimit`).
   */
  rateLimitNow(user: Pick<User, 'id'>): RateLimitVerdict | undefined {
    const limit = this.limiter.hitNow(`user:${user.id}`, this.config.rateLimitPerMinute);
    return limit && verdictOf(limit);
  }
}

function assertWellFormed(credentials: { apiKey: string }): void {
  if (!looksLikeApiKey(credentials.apiKey)) {
    throw new ZulipError('INVALID_API_KEY', 'Malformed API key', 401, {}, WWW_AUTH);
  }
}

/** The account rules once the key's user (if any) is known. */
function checkUser<U extends Readonly<User>>(
  realm: Readonly<Realm>,
  credentials: { email: string; apiKey: string },
  user: U | undefined,
  webhookBotAllowed: boolean,
): U {
  // An empty email authenticates by key alone, as Zulip's webhook URLs do (`?api_key=`); the
  // webhook gateway uses it to learn which bot a URL's key belongs to.
  const emailMatches =
    credentials.email === '' ||
    user?.email === credentials.email ||
    user?.email.toLowerCase() === credentials.email.toLowerCase();
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
  if (user.bot_type === BotType.IncomingWebhook && !webhookBotAllowed) {
    throw new ZulipError('BAD_REQUEST', 'This API is not available to incoming webhook bots.', 403);
  }
  return user;
}

function verdictOf(limit: RateLimitResult): RateLimitVerdict {
  const headers = {
    'X-RateLimit-Limit': String(limit.limit),
    'X-RateLimit-Remaining': String(limit.remaining),
    'X-RateLimit-Reset': String(Math.ceil(Date.now() / 1000 + limit.resetIn)),
  };
  return limit.allowed ? { headers } : { headers, error: ZulipError.rateLimited(limit.resetIn) };
}
