import * as path from 'node:path';
import type { LoggerService } from '@nestjs/common';
import pino, { type DestinationStream, type Logger, type StreamEntry } from 'pino';

/** Which process writes: each has its own file under LOG_DIR. */
export type LoggingProcess = 'server' | 'gateway';

type Level = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace';

/** LOG_LEVEL (Nest's names) to the lowest pino level written. */
const PINO_LEVEL: Record<'error' | 'warn' | 'log' | 'debug', Level> = {
  error: 'error',
  warn: 'warn',
  log: 'info',
  debug: 'debug',
};

/**
 * Logger contexts of background work (queues, retries, timers), which also go to `workers.log`:
 * what an administrator reads when bots, webhook deliveries, mail or scheduled messages misbehave.
 */
export const WORKER_CONTEXTS: ReadonlySet<string> = new Set([
  'ServiceBots',
  'EmbeddedBots',
  'Delivery',
  'DeliveryQueue',
  'ScheduledMessages',
  'UploadCleanup',
  'Thumbnailer',
  'Mail',
]);

const REDACTED = '[redacted]';
const SECRET_NAMES =
  'api_key|key|password|new_password|old_password|secret|token|sessionid|csrftoken';

/**
 * Removes credentials from a log text: `name=value` and `"name": "value"` pairs of secret names,
 * HTTP Basic and Bearer credentials, and the password of a URL (`smtp://user:pass@host`).
 */
export function scrubSecrets(text: string): string {
  return text
    .replace(new RegExp(`\\b(${SECRET_NAMES})=([^&\\s"',;]+)`, 'gi'), `$1=${REDACTED}`)
    .replace(new RegExp(`"(${SECRET_NAMES})"(\\s*:\\s*)"[^"]*"`, 'gi'), `"$1"$2"${REDACTED}"`)
    .replace(/\b(Basic|Bearer)\s+[A-Za-z0-9+/=._~-]+/g, `$1 ${REDACTED}`)
    .replace(/\b([a-z][a-z0-9+.-]*:\/\/[^:/\s@]+):[^@\s/]+@/gi, `$1:${REDACTED}@`);
}

/** Structured fields that never reach a log (pino's redaction, for objects logged as fields). */
const REDACT_PATHS = [
  'api_key',
  'password',
  'secret',
  'token',
  '*.api_key',
  '*.password',
  '*.secret',
  '*.token',
  'headers.authorization',
  'headers.cookie',
  '*.headers.authorization',
  '*.headers.cookie',
];

export interface JsonLoggerOptions {
  logLevel: 'error' | 'warn' | 'log' | 'debug';
  /** LOG_DIR: also write `<process>.log`, `workers.log` and `errors.log` there. */
  logDir: string | undefined;
}

/**
 * The Nest logger of the server and the gateway: one JSON line per entry (pino) on stdout and,
 * with LOG_DIR, in `<process>.log`; entries of background workers also in `workers.log`, and every
 * error (whatever its source) in `errors.log`. Credentials are scrubbed from every text.
 */
export class JsonLogger implements LoggerService {
  private constructor(
    private readonly main: Logger,
    private readonly workers: Logger | null,
  ) {}

  static create(
    processName: LoggingProcess,
    options: JsonLoggerOptions,
    stdout: DestinationStream = pino.destination({ dest: 1, sync: true }),
  ): JsonLogger {
    const level = PINO_LEVEL[options.logLevel];
    const base = {
      level,
      base: { process: processName, pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: REDACT_PATHS, censor: REDACTED },
    };
    const streams: StreamEntry<Level>[] = [{ level, stream: stdout }];
    let workers: Logger | null = null;
    if (options.logDir) {
      const file = (name: string) =>
        pino.destination({ dest: path.join(options.logDir ?? '', name), mkdir: true, sync: true });
      streams.push({ level, stream: file(`${processName}.log`) });
      streams.push({ level: 'error', stream: file('errors.log') });
      workers = pino(base, file('workers.log'));
    }
    return new JsonLogger(pino(base, pino.multistream(streams)), workers);
  }

  log(message: unknown, ...rest: unknown[]): void {
    this.write('info', message, rest);
  }

  error(message: unknown, ...rest: unknown[]): void {
    this.write('error', message, rest);
  }

  warn(message: unknown, ...rest: unknown[]): void {
    this.write('warn', message, rest);
  }

  debug(message: unknown, ...rest: unknown[]): void {
    this.write('debug', message, rest);
  }

  verbose(message: unknown, ...rest: unknown[]): void {
    this.write('trace', message, rest);
  }

  fatal(message: unknown, ...rest: unknown[]): void {
    this.write('fatal', message, rest);
  }

  private write(level: Level, message: unknown, rest: unknown[]): void {
    // Nest appends the logger's context as the last argument; an error's stack comes before it.
    const params = [...rest];
    const context =
      params.length > 0 && typeof params[params.length - 1] === 'string'
        ? (params.pop() as string)
        : undefined;
    const stack =
      message instanceof Error
        ? message.stack
        : typeof params[0] === 'string' && (level === 'error' || level === 'fatal')
          ? params[0]
          : undefined;
    const fields: Record<string, string> = {};
    if (context) fields.context = context;
    if (stack) fields.stack = scrubSecrets(stack);
    const text = scrubSecrets(describe(message));
    this.main[level](fields, text);
    if (this.workers && context && WORKER_CONTEXTS.has(context)) this.workers[level](fields, text);
  }
}

function describe(message: unknown): string {
  if (typeof message === 'string') return message;
  if (message instanceof Error) return message.message;
  try {
    return JSON.stringify(message) ?? String(message);
  } catch {
    return String(message);
  }
}
