import type { AppConfig } from '@hub/config';
import { ZulipError } from '../common/zulip-error';
import type { Realm } from '../identity/realm.types';

/**
 * The login methods this server knows, by the names Zulip gives them in
 * `realm_authentication_methods`. A method works for a realm when the server is configured for it
 * (`available`) and the realm's owners have not turned it off.
 */
export const AUTH_METHODS = ['Email', 'Dev', 'RemoteUser', 'OpenID Connect'] as const;
export type AuthMethod = (typeof AUTH_METHODS)[number];

/** Which methods the server's configuration offers at all. */
export function availableAuthMethods(config: AppConfig): Record<AuthMethod, boolean> {
  return {
    Email: true,
    Dev: config.devMode,
    RemoteUser: config.web.ssoRemoteUserHeader !== undefined,
    'OpenID Connect': config.web.oidc !== undefined,
  };
}

/** Method name → whether people of this realm may log in with it now. */
export function realmAuthMethods(realm: Realm, config: AppConfig): Record<AuthMethod, boolean> {
  const available = availableAuthMethods(config);
  const methods = {} as Record<AuthMethod, boolean>;
  for (const name of AUTH_METHODS) {
    methods[name] = available[name] && realm.authentication_methods?.[name] !== false;
  }
  return methods;
}

/** Zulip's `realm_authentication_methods` since feature level 227: each method's state. */
export interface AuthMethodState {
  enabled: boolean;
  available: boolean;
  unavailable_reason?: string;
}

export function realmAuthMethodStates(
  realm: Realm,
  config: AppConfig,
): Record<AuthMethod, AuthMethodState> {
  const available = availableAuthMethods(config);
  const enabled = realmAuthMethods(realm, config);
  const states = {} as Record<AuthMethod, AuthMethodState>;
  for (const name of AUTH_METHODS) {
    states[name] = available[name]
      ? { enabled: enabled[name], available: true }
      : {
          enabled: false,
          available: false,
          unavailable_reason: 'This method is not configured on this server.',
        };
  }
  return states;
}

export function authMethodEnabled(realm: Realm, config: AppConfig, method: AuthMethod): boolean {
  return realmAuthMethods(realm, config)[method];
}

/**
 * The realm's stored choices after `PATCH /realm` `authentication_methods` (an object of method
 * name → boolean; methods it does not name keep their state). Unknown names, turning on a method
 * the server is not configured for, and turning off the last enabled method are refused.
 */
export function updatedAuthMethods(
  realm: Realm,
  config: AppConfig,
  requested: unknown,
): Record<string, boolean> {
  if (typeof requested !== 'object' || requested === null || Array.isArray(requested)) {
    throw ZulipError.invalid(
      'authentication_methods',
      'must be an object of method names to booleans',
    );
  }
  const available = availableAuthMethods(config);
  const stored: Record<string, boolean> = { ...realm.authentication_methods };
  for (const [name, on] of Object.entries(requested)) {
    if (!(AUTH_METHODS as readonly string[]).includes(name)) {
      throw ZulipError.badRequest(`Invalid authentication method: ${name}`);
    }
    if (typeof on !== 'boolean') {
      throw ZulipError.invalid(`authentication_methods[${name}]`, 'must be true or false');
    }
    if (on && !available[name as AuthMethod]) {
      throw ZulipError.badRequest(`Authentication method ${name} is not available on this server.`);
    }
    if (on) delete stored[name];
    else stored[name] = false;
  }
  const anyEnabled = AUTH_METHODS.some((name) => available[name] && stored[name] !== false);
  if (!anyEnabled) {
    throw ZulipError.badRequest('At least one authentication method must be enabled.');
  }
  return stored;
}

/** Refuses a login through a method this realm has turned off. */
export function assertAuthMethodEnabled(realm: Realm, config: AppConfig, method: AuthMethod): void {
  if (authMethodEnabled(realm, config, method)) return;
  if (method === 'Email') {
    throw new ZulipError(
      'PASSWORD_AUTH_DISABLED',
      'Password authentication is disabled in this organization',
      401,
    );
  }
  throw new ZulipError(
    'AUTHENTICATION_FAILED',
    `${method} login is disabled in this organization`,
    401,
  );
}
