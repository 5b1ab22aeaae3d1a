export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export type LogFields = Record<string, unknown>;

/** Structured logs: one JSON object per line (`ts`, `level`, `msg`, plus fields). */
export interface BridgeLogger {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
  /** A logger that adds `fields` to every line (e.g. `{ side: 'irc' }`). */
  child(fields: LogFields): BridgeLogger;
}

function errorFields(value: unknown): unknown {
  if (value instanceof Error) {
    const code = (value as { code?: unknown }).code;
    return { name: value.name, message: value.message, ...(code !== undefined ? { code } : {}) };
  }
  return value;
}

/** Writes JSON lines to `write` (default stdout) at `level` and above. */
export function jsonLogger(
  level: LogLevel = 'info',
  write: (line: string) => void = (line) => process.stdout.write(line),
  base: LogFields = {},
): BridgeLogger {
  const emit =
    (at: LogLevel) =>
    (msg: string, fields: LogFields = {}): void => {
      if (ORDER[at] < ORDER[level]) return;
      const entry: LogFields = { ts: new Date().toISOString(), level: at, msg, ...base };
      for (const [key, value] of Object.entries(fields)) entry[key] = errorFields(value);
      write(`${JSON.stringify(entry)}\n`);
    };
  return {
    debug: emit('debug'),
    info: emit('info'),
    warn: emit('warn'),
    error: emit('error'),
    child: (fields) => jsonLogger(level, write, { ...base, ...fields }),
  };
}

/** Collects entries in memory (tests, and the daemon's own checks). */
export function memoryLogger(): BridgeLogger & { entries: LogFields[] } {
  const entries: LogFields[] = [];
  const logger = jsonLogger('debug', (line) => entries.push(JSON.parse(line) as LogFields));
  return Object.assign(logger, { entries });
}
