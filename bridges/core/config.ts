import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ini from 'ini';
import * as YAML from 'yaml';
import { ConfigError, f, Field, ObjectField, Shape, ShapeValue } from './config-schema';

export { ConfigError, f };

/** Sections every bridge config has, beside the protocol's own. */
export const commonShape = {
  /** How the bridge reaches the chat server (an API-super-user bot). */
  zulip: f.object({
    /** A `.zuliprc` with `[api] email/key/site`; the keys below win over it. */
    zuliprc: f.optional(f.string()),
    site: f.optional(f.string()),
    email: f.optional(f.string()),
    api_key: f.optional(f.string({ secret: true })),
    insecure: f.bool({ default: false }),
  }),
  /** The bridge's own store (message id map, cursor). */
  data_dir: f.string(),
  health: f.object({
    host: f.string({ default: '127.0.0.1' }),
    /** Unset: no /health endpoint. 0: any free port (logged). */
    port: f.optional(f.int({ min: 0, max: 65535 })),
    /** Report health to the chat server (`POST /bridges/health`, seen by admins) this often. */
    report_seconds: f.int({ default: 60, min: 5, max: 3600 }),
    /** Off: no reports (a server without the endpoint, or a bot that should stay quiet). */
    report: f.bool({ default: true }),
  }),
  queue: f.object({
    /** Messages waiting per direction; beyond this new ones are dropped (logged and counted). */
    max_size: f.int({ default: 1000, min: 1 }),
    /** Messages older than this when their turn comes are dropped (logged and counted). */
    max_age_seconds: f.int({ default: 3600, min: 1 }),
  }),
  /** Reconnect timing of the remote side. */
  reconnect: f.object({
    base_ms: f.int({ default: 1000, min: 1 }),
    cap_ms: f.int({ default: 60_000, min: 1 }),
  }),
  log_level: f.oneOf(['debug', 'info', 'warn', 'error'] as const, { default: 'info' }),
  /** How long SIGTERM waits for queued messages to go out. */
  shutdown_timeout_seconds: f.int({ default: 10, min: 0 }),
};

export type CommonConfig = ShapeValue<typeof commonShape>;

/** A bridge's schema: the common sections plus `<protocol>` and whatever else it needs. */
export function bridgeSchema<S extends Shape>(
  protocolShape: S,
): ObjectField<typeof commonShape & S> {
  return f.object({ ...commonShape, ...protocolShape });
}

/**
 * The environment variable that overrides a key: `BRIDGE_<PROTOCOL>_<PATH>`, upper case, with a
 * leading path segment equal to the protocol dropped: `irc.password` → `BRIDGE_IRC_PASSWORD`,
 * `zulip.api_key` → `BRIDGE_IRC_ZULIP_API_KEY`, `data_dir` → `BRIDGE_IRC_DATA_DIR`.
 */
export function envName(protocol: string, keyPath: string[]): string {
  const parts = keyPath[0] === protocol ? keyPath.slice(1) : keyPath;
  return ['BRIDGE', protocol, ...parts]
    .join('_')
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '_');
}

function applyEnv(
  protocol: string,
  shape: Shape,
  raw: Record<string, unknown>,
  env: Readonly<Record<string, string | undefined>>,
  prefix: string[],
): void {
  for (const [key, field] of Object.entries(shape)) {
    const keyPath = [...prefix, key];
    if (field instanceof ObjectField) {
      const current = raw[key];
      const section =
        typeof current === 'object' && current !== null && !Array.isArray(current)
          ? (current as Record<string, unknown>)
          : {};
      applyEnv(protocol, field.shape, section, env, keyPath);
      if (Object.keys(section).length > 0 || current !== undefined) raw[key] = section;
    } else if (field.isScalar) {
      const value = env[envName(protocol, keyPath)];
      if (value !== undefined) raw[key] = value;
    }
  }
}

/** Reads YAML (`.yaml`/`.yml`/`.json`) or INI (anything else, e.g. `.ini`, `.conf`). */
export function readConfigFile(file: string): Record<string, unknown> {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? error}`);
  }
  const ext = path.extname(file).toLowerCase();
  try {
    const parsed: unknown = ['.yaml', '.yml', '.json'].includes(ext)
      ? YAML.parse(text)
      : ini.parse(text);
    if (parsed === null || parsed === undefined) return {};
    if (typeof parsed !== 'object' || Array.isArray(parsed)) {
      throw new ConfigError('the top level must be a map of sections');
    }
    return parsed as Record<string, unknown>;
  } catch (error) {
    const message = (error as Error).message.split('\n')[0];
    throw new ConfigError(`${file}: ${message}`);
  }
}

/**
 * Loads and validates a bridge config: file, then `BRIDGE_<PROTOCOL>_*` overrides, then the
 * schema. Relative `data_dir` and `zulip.zuliprc` are resolved against the file's folder. Any
 * problem throws one `ConfigError` line naming the file and the key.
 */
export function loadBridgeConfig<S extends Shape>(
  protocol: string,
  schema: ObjectField<S>,
  file: string | undefined,
  env: Readonly<Record<string, string | undefined>> = process.env,
): ShapeValue<S> {
  const raw = file ? readConfigFile(file) : {};
  applyEnv(protocol, schema.shape, raw, env, []);
  const where = file ?? 'environment';
  let config: ShapeValue<S>;
  try {
    config = schema.parse(raw, '');
  } catch (error) {
    if (error instanceof ConfigError) throw new ConfigError(`${where}: ${error.message}`);
    throw error;
  }
  const base = file ? path.dirname(path.resolve(file)) : process.cwd();
  const record = config as Record<string, unknown>;
  if (typeof record.data_dir === 'string') record.data_dir = path.resolve(base, record.data_dir);
  const zulip = record.zulip as CommonConfig['zulip'] | undefined;
  if (zulip?.zuliprc) zulip.zuliprc = path.resolve(base, zulip.zuliprc);
  return config;
}

/** A copy safe to log: every secret field replaced by `***`. */
export function redact(schema: Field<unknown>, value: unknown): unknown {
  if (schema.secret && value !== undefined) return '***';
  if (schema instanceof ObjectField && typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
      const field = (schema.shape as Shape)[key];
      out[key] = field ? redact(field, inner) : inner;
    }
    return out;
  }
  return value;
}
