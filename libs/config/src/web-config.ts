import { BlockList, isIP } from 'node:net';

/** Settings of the web client's sign-in: sessions, remote-user SSO and OpenID Connect. */
export interface WebConfig {
  /** A session not used for this long ends (each use extends it). */
  sessionCookieAgeSeconds: number;
  /** `auto`: the cookie is `Secure` when the request came over HTTPS (directly or via a trusted proxy). */
  sessionCookieSecure: 'auto' | boolean;
  /** Addresses (IPs or CIDR ranges) of the front web servers whose forwarding headers are believed. */
  trustedProxies: string[];
  /** The header a trusted front server names the authenticated user in; unset: SSO is off. */
  ssoRemoteUserHeader: string | undefined;
  /** Appended (as `@domain`) to SSO user names that have no `@`. */
  ssoAppendDomain: string | undefined;
  oidc: OidcConfig | undefined;
}

export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The sign-in button says "Log in with <name>". */
  name: string;
  scopes: string;
  /** Create an account at first login when the realm's rules admit the address. */
  autoSignup: boolean;
  /**
   * Hosts (the issuer's or those its metadata names) the server may reach on loopback or private
   * addresses; every other host must resolve to public addresses only.
   */
  allowedHosts: string[];
}

type Env = Record<string, string | undefined>;
type Fail = (message: string) => never;

function parseBool(env: Env, name: string, fallback: boolean, fail: Fail): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (/^(1|true|yes|on)$/i.test(raw)) return true;
  if (/^(0|false|no|off)$/i.test(raw)) return false;
  return fail(`${name} must be true or false, got "${raw}"`);
}

/** A checker for the TRUSTED_PROXIES list: is this peer address one of them? */
export function trustedProxyMatcher(entries: string[]): (address: string | undefined) => boolean {
  const list = new BlockList();
  for (const entry of entries) {
    const [address, bits] = entry.split('/');
    const family = isIP(address) === 6 ? 'ipv6' : 'ipv4';
    if (bits === undefined) list.addAddress(address, family);
    else list.addSubnet(address, Number(bits), family);
  }
  return (raw) => {
    if (!raw) return false;
    // IPv4 peers on a dual-stack socket appear as ::ffff:a.b.c.d.
    const address = raw.startsWith('::ffff:') && isIP(raw.slice(7)) === 4 ? raw.slice(7) : raw;
    const family = isIP(address);
    if (family === 0) return false;
    return list.check(address, family === 6 ? 'ipv6' : 'ipv4');
  };
}

export function loadWebConfig(env: Env, fail: Fail): WebConfig {
  const age = env.SESSION_COOKIE_AGE_SECONDS || '1209600';
  if (!/^\d+$/.test(age) || Number(age) < 60) {
    fail(`SESSION_COOKIE_AGE_SECONDS must be a whole number of seconds (60 or more), got "${age}"`);
  }
  const secureRaw = (env.SESSION_COOKIE_SECURE || 'auto').toLowerCase();
  const sessionCookieSecure =
    secureRaw === 'auto' ? 'auto' : parseBool(env, 'SESSION_COOKIE_SECURE', false, fail);
  const trustedProxies = (env.TRUSTED_PROXIES ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  for (const entry of trustedProxies) {
    const [address, bits, extra] = entry.split('/');
    const family = isIP(address);
    const maxBits = family === 6 ? 128 : 32;
    const badBits = bits !== undefined && (!/^\d+$/.test(bits) || Number(bits) > maxBits);
    if (family === 0 || badBits || extra !== undefined) {
      fail(`TRUSTED_PROXIES must list IP addresses or CIDR ranges, got "${entry}"`);
    }
  }
  const header = env.SSO_REMOTE_USER_HEADER?.trim() || undefined;
  if (header !== undefined && !/^[A-Za-z0-9-]+$/.test(header)) {
    fail(`SSO_REMOTE_USER_HEADER must be an HTTP header name, got "${header}"`);
  }
  if (header !== undefined && trustedProxies.length === 0) {
    fail('SSO_REMOTE_USER_HEADER needs TRUSTED_PROXIES: the addresses allowed to send it');
  }
  const appendDomain = env.SSO_APPEND_DOMAIN?.trim().replace(/^@/, '') || undefined;
  if (appendDomain !== undefined && !/^[a-z0-9.-]+\.[a-z]{2,}$|^localhost$/i.test(appendDomain)) {
    fail(`SSO_APPEND_DOMAIN must be a domain name, got "${appendDomain}"`);
  }
  return {
    sessionCookieAgeSeconds: Number(age),
    sessionCookieSecure,
    trustedProxies,
    ssoRemoteUserHeader: header?.toLowerCase(),
    ssoAppendDomain: appendDomain?.toLowerCase(),
    oidc: loadOidc(env, fail),
  };
}

function loadOidc(env: Env, fail: Fail): OidcConfig | undefined {
  const issuer = env.OIDC_ISSUER?.trim();
  if (!issuer) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(issuer);
  } catch {
    return fail(`OIDC_ISSUER is not a valid URL: "${issuer}"`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    fail(`OIDC_ISSUER must use https: (or http: on loopback), got "${parsed.protocol}"`);
  }
  const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(parsed.hostname);
  if (parsed.protocol === 'http:' && !loopback) {
    fail('OIDC_ISSUER must use https: unless the provider is on this machine (loopback)');
  }
  const clientId = env.OIDC_CLIENT_ID?.trim();
  if (!clientId) fail('OIDC_CLIENT_ID is required when OIDC_ISSUER is set');
  const scopes = env.OIDC_SCOPES?.trim() || 'openid email profile';
  if (!scopes.split(/\s+/).includes('openid')) fail('OIDC_SCOPES must include "openid"');
  return {
    issuer,
    clientId: clientId as string,
    clientSecret: env.OIDC_CLIENT_SECRET ?? '',
    name: env.OIDC_NAME?.trim() || 'OpenID Connect',
    scopes,
    autoSignup: parseBool(env, 'OIDC_AUTO_SIGNUP', true, fail),
    allowedHosts: (env.OIDC_ALLOWED_HOSTS ?? '')
      .split(',')
      .map((host) =>
        host
          .trim()
          .replace(/^\[|\]$/g, '')
          .toLowerCase(),
      )
      .filter((host) => host !== ''),
  };
}
