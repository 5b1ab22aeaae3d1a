import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as ini from 'ini';
import { ZulipConfigError } from './errors';

/** What a caller may pass to the constructor; every field overrides the environment and the file. */
export interface ZulipConnectionOptions {
  email?: string;
  apiKey?: string;
  /** `chat.example.com`, `https://chat.example.com`, `http://localhost:9991/api` ... */
  site?: string;
  /** Path of a .zuliprc; else `ZULIP_CONFIG`, else `~/.zuliprc`. */
  configFile?: string;
  /** Skip TLS certificate verification (self-signed test servers only). */
  insecure?: boolean;
  /** PEM file of the certificate authorities to trust. */
  certBundle?: string;
  /** PEM client certificate, and its key when it is in a separate file. */
  clientCert?: string;
  clientCertKey?: string;
}

/** The connection settings after precedence and normalization, with certificate files read. */
export interface ResolvedConfig {
  email: string;
  apiKey: string;
  /** The site without `/api`, e.g. `https://chat.example.com`. */
  site: string;
  /** Where `v1/<path>` is appended, e.g. `https://chat.example.com/api`. */
  apiBase: string;
  insecure: boolean;
  tls: { ca?: Buffer; cert?: Buffer; key?: Buffer };
  /** The .zuliprc that was read, if any. */
  configFile?: string;
}

type Env = Readonly<Record<string, string | undefined>>;

interface FileSettings {
  file: string;
  values: Record<string, unknown>;
}

/** Adds a scheme and `/api` the way python-zulip-api does, so every .zuliprc works unchanged. */
export function normalizeSite(raw: string): { site: string; apiBase: string } {
  let site = raw.trim();
  if (site === '') throw new ZulipConfigError('site is empty');
  if (site.startsWith('localhost')) site = `http://${site}`;
  else if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(site)) site = `https://${site}`;
  site = site.replace(/\/+$/, '');
  let parsed: URL;
  try {
    parsed = new URL(site);
  } catch {
    throw new ZulipConfigError(`site is not a valid URL: "${raw}"`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new ZulipConfigError(`site must use http or https, got "${raw}"`);
  }
  const apiBase = /\/api$/i.test(site) ? site : `${site}/api`;
  return { site: apiBase.slice(0, -'/api'.length), apiBase };
}

function expandHome(p: string, home: string): string {
  return p === '~' || p.startsWith('~/') ? path.join(home, p.slice(1)) : p;
}

function readConfigFile(file: string, explicit: boolean): FileSettings | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // A missing default ~/.zuliprc is fine when options or the environment supply everything.
    if (code === 'ENOENT' && !explicit) return undefined;
    const reason = code === 'ENOENT' ? 'file not found' : `cannot read it (${code ?? error})`;
    throw new ZulipConfigError(`${file}: ${reason}`);
  }
  const parsed = ini.parse(text);
  const api: unknown = parsed.api;
  if (typeof api !== 'object' || api === null) {
    throw new ZulipConfigError(`${file}: missing [api] section`);
  }
  return { file, values: api as Record<string, unknown> };
}

function fileValue(settings: FileSettings | undefined, key: string): string | undefined {
  const value = settings?.values[key];
  if (value === undefined || value === '') return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return String(value);
  throw new ZulipConfigError(`${settings?.file}: "${key}" in [api] must be a single value`);
}

function parseBoolean(value: string, where: string): boolean {
  if (/^true$/i.test(value)) return true;
  if (/^false$/i.test(value)) return false;
  throw new ZulipConfigError(`${where} must be true or false, got "${value}"`);
}

function readPem(file: string, what: string, home: string): Buffer {
  try {
    return fs.readFileSync(expandHome(file, home));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new ZulipConfigError(`${what} "${file}" cannot be read (${code})`);
  }
}

/**
 * Resolves the connection settings: constructor options, then `ZULIP_*` environment variables,
 * then the .zuliprc `[api]` section (python-zulip-api's order and key names).
 */
export function resolveConfig(
  options: ZulipConnectionOptions,
  env: Env = process.env,
): ResolvedConfig {
  // HOME first, as python's expanduser does, so a daemon's environment decides.
  const home = env.HOME || os.homedir();
  const explicitFile = options.configFile ?? (env.ZULIP_CONFIG || undefined);
  const file = expandHome(explicitFile ?? path.join(home, '.zuliprc'), home);
  let settings: FileSettings | undefined;
  let fileRead = false;
  const fromFile = (key: string): string | undefined => {
    if (!fileRead) {
      settings = readConfigFile(file, explicitFile !== undefined);
      fileRead = true;
    }
    return fileValue(settings, key);
  };
  // An explicitly named file must exist and parse even when the options cover everything.
  if (explicitFile !== undefined) fromFile('site');

  const pick = (option: string | undefined, envName: string, key: string): string | undefined =>
    option ?? (env[envName] || undefined) ?? fromFile(key);
  const required = (option: string | undefined, envName: string, key: string): string => {
    const value = pick(option, envName, key);
    if (value !== undefined) return value;
    if (settings) throw new ZulipConfigError(`${file}: missing "${key}" in [api]`);
    throw new ZulipConfigError(
      `no "${key}" configured: pass it as an option, set ${envName}, or write ${file} ` +
        `with "${key}" in [api] (that file does not exist)`,
    );
  };

  const email = required(options.email, 'ZULIP_EMAIL', 'email');
  const apiKey = required(options.apiKey, 'ZULIP_API_KEY', 'key');
  const rawSite = required(options.site, 'ZULIP_SITE', 'site');
  let normalized: { site: string; apiBase: string };
  try {
    normalized = normalizeSite(rawSite);
  } catch (error) {
    const where = options.site !== undefined ? 'option' : env.ZULIP_SITE ? 'ZULIP_SITE' : file;
    throw new ZulipConfigError(`${where}: ${(error as Error).message}`);
  }

  let insecure = options.insecure;
  if (insecure === undefined && env.ZULIP_ALLOW_INSECURE) {
    insecure = parseBoolean(env.ZULIP_ALLOW_INSECURE, 'ZULIP_ALLOW_INSECURE');
  }
  if (insecure === undefined) {
    const raw = fromFile('insecure');
    insecure = raw === undefined ? false : parseBoolean(raw, `${file}: "insecure" in [api]`);
  }

  const certBundle = pick(options.certBundle, 'ZULIP_CERT_BUNDLE', 'cert_bundle');
  const clientCert = pick(options.clientCert, 'ZULIP_CERT', 'client_cert');
  const clientCertKey = pick(options.clientCertKey, 'ZULIP_CERT_KEY', 'client_cert_key');
  if (clientCertKey !== undefined && clientCert === undefined) {
    throw new ZulipConfigError('a client certificate key was given without a client certificate');
  }
  const tls: ResolvedConfig['tls'] = {};
  // Like python-zulip-api, `insecure` wins over a bundle: nothing is verified.
  if (certBundle !== undefined && !insecure)
    tls.ca = readPem(certBundle, 'certificate bundle', home);
  if (clientCert !== undefined) tls.cert = readPem(clientCert, 'client certificate', home);
  if (clientCertKey !== undefined) tls.key = readPem(clientCertKey, 'client certificate key', home);

  return {
    email,
    apiKey,
    ...normalized,
    insecure,
    tls,
    configFile: settings ? file : undefined,
  };
}
