import { Inject, Injectable, Logger } from '@nestjs/common';
import type * as OpenIdClient from 'openid-client';
import type { AppConfig } from '@hub/config';
import type { OidcConfig } from '@hub/config';
import { esmRequire } from '@hub/esm';
import { guardedFetch } from '../common/guarded-fetch';
import { ZulipError } from '../common/zulip-error';
import { APP_CONFIG } from '../config/config.module';

type Client = typeof OpenIdClient;

/** Each request to the provider (metadata, keys, tokens, user info) waits at most this long. */
const PROVIDER_TIMEOUT_MS = 10_000;
/** Provider answers are small JSON documents. */
const PROVIDER_MAX_BYTES = 1024 * 1024;

/** What the browser keeps (in an HttpOnly cookie) between leaving for the provider and returning. */
export interface OidcPending {
  state: string;
  nonce: string;
  verifier: string;
  next: string;
}

/** OpenID Connect sign-in (authorization code flow with PKCE) through `openid-client`. */
@Injectable()
export class OidcService {
  private readonly logger = new Logger('OIDC');
  private readonly settings: OidcConfig | undefined;
  private configuration: Promise<OpenIdClient.Configuration> | undefined;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.settings = config.web.oidc;
  }

  get enabled(): boolean {
    return this.settings !== undefined;
  }

  get autoSignup(): boolean {
    return this.settings?.autoSignup ?? false;
  }

  /** Where to send the browser, and what to remember until it comes back. */
  async start(redirectUri: string, next: string): Promise<{ url: string; pending: OidcPending }> {
    const client = this.client();
    const config = await this.discover();
    const pending: OidcPending = {
      state: client.randomState(),
      nonce: client.randomNonce(),
      verifier: client.randomPKCECodeVerifier(),
      next,
    };
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: redirectUri,
      scope: this.require().scopes,
      code_challenge: await client.calculatePKCECodeChallenge(pending.verifier),
      code_challenge_method: 'S256',
      state: pending.state,
      nonce: pending.nonce,
    });
    return { url: url.href, pending };
  }

  /** Checks the provider's answer and returns the verified e-mail address and name it vouches for. */
  async finish(callbackUrl: URL, pending: OidcPending): Promise<{ email: string; name: unknown }> {
    const client = this.client();
    const config = await this.discover();
    let claims: Record<string, unknown>;
    try {
      const tokens = await client.authorizationCodeGrant(config, callbackUrl, {
        pkceCodeVerifier: pending.verifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
      claims = { ...(tokens.claims() ?? {}) };
      if (typeof claims.email !== 'string' || claims.email_verified === undefined) {
        const info = await client.fetchUserInfo(config, tokens.access_token, String(claims.sub));
        claims = { ...info, ...claims, ...pickDefined(info, ['email', 'email_verified', 'name']) };
      }
    } catch (err) {
      this.logger.warn(`Sign-in refused: ${(err as Error).message}`);
      throw new ZulipError(
        'OIDC_FAILED',
        'The identity provider’s answer could not be verified.',
        401,
      );
    }
    if (typeof claims.email !== 'string' || !claims.email) {
      throw new ZulipError(
        'OIDC_FAILED',
        'The identity provider did not share an email address.',
        401,
      );
    }
    if (claims.email_verified !== true && claims.email_verified !== 'true') {
      throw new ZulipError(
        'OIDC_FAILED',
        'The identity provider has not verified this email address.',
        401,
      );
    }
    return { email: claims.email, name: claims.name };
  }

  private require(): OidcConfig {
    if (!this.settings) throw ZulipError.notFound('OpenID Connect is not enabled on this server.');
    return this.settings;
  }

  private client(): Client {
    this.require();
    return esmRequire<Client>('openid-client');
  }

  /** The provider's metadata, fetched once (and again after a failure). */
  private discover(): Promise<OpenIdClient.Configuration> {
    const settings = this.require();
    if (!this.configuration) {
      const client = this.client();
      const issuer = new URL(settings.issuer);
      // Every request of the sign-in (discovery, then the endpoints the metadata names) reaches
      // private addresses only for OIDC_ALLOWED_HOSTS, checked on the address it connects to.
      const fetch = guardedFetch({
        allowedHosts: new Set(settings.allowedHosts),
        timeoutMs: PROVIDER_TIMEOUT_MS,
        maxBytes: PROVIDER_MAX_BYTES,
      });
      this.configuration = client
        .discovery(
          issuer,
          settings.clientId,
          settings.clientSecret || undefined,
          settings.clientSecret ? undefined : client.None(),
          {
            [client.customFetch]: fetch,
            ...(issuer.protocol === 'http:' ? { execute: [client.allowInsecureRequests] } : {}),
          },
        )
        .catch((err: unknown) => {
          this.configuration = undefined;
          this.logger.error(`Discovery at ${settings.issuer} failed: ${(err as Error).message}`);
          throw new ZulipError('OIDC_UNAVAILABLE', 'The identity provider cannot be reached.', 502);
        });
    }
    return this.configuration;
  }
}

function pickDefined(source: object, keys: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    const value = (source as Record<string, unknown>)[key];
    if (value !== undefined) out[key] = value;
  }
  return out;
}
