import { AsyncLocalStorage } from 'node:async_hooks';
import { AbstractLogger, LogLevel, LogMessage, QueryRunner } from 'typeorm';
import { Logger } from '@nestjs/common';

const periodic = new AsyncLocalStorage<true>();

/**
 * Whether background work is told apart from what `QueryCounter.measure` measures. Telling it
 * apart costs every process running it (below), and only processes that measure statement counts
 * need it: the end-to-end suites and the realm bench turn it on before their servers start;
 * `measure` turns it on too.
 */
let attributing = false;

export function attributeBackgroundQueries(): void {
  attributing = true;
}

/**
 * Runs background work (timer-driven sweeps, the scheduled-message poller, what a send sets off
 * after it committed) outside the count: work that happens to run while a request is measured is
 * not that request's cost. Such work keeps its own fixed number of statements.
 */
export function runInBackground<T>(fn: () => T): T {
  if (!attributing) return fn();
  inBackground++;
  try {
    const result = periodic.run(true, fn);
    if (isThenable(result)) result.then(leaveBackground, leaveBackground);
    else leaveBackground();
    return result;
  } catch (err) {
    leaveBackground();
    throw err;
  }
}

/** Whether the caller runs inside `runInBackground`. */
export function isBackgroundWork(): boolean {
  return periodic.getStore() === true;
}

/** Background runs not yet settled. */
let inBackground = 0;

/**
 * On Node 20 an enabled AsyncLocalStorage hooks every promise and socket the process makes (a
 * tenth of a simple request's time); it stays enabled only while background work runs, rather than
 * forever after the first sweep or send. Under a steady stream of sends some background work is
 * always running, hence `attributing` (a production server never turns it on: send bench, --mix,
 * 219-223 messages/s with it, 229-241 without).
 */
function leaveBackground(): void {
  if (--inBackground === 0) periodic.disable();
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    !!value &&
    (typeof value === 'object' || typeof value === 'function') &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}

/** Counts every SQL statement TypeORM sends, so tests can assert there is no N+1 on hot paths. */
export class QueryCounter extends AbstractLogger {
  private count = 0;
  private readonly nest = new Logger('SQL');

  constructor(private readonly verbose: boolean) {
    super(['query', 'error', 'warn']);
  }

  get total(): number {
    return this.count;
  }

  /** Runs `fn` and returns how many statements it sent. Not meant for concurrent use. */
  async measure<T>(fn: () => Promise<T>): Promise<{ result: T; queries: number }> {
    attributeBackgroundQueries();
    const before = this.count;
    const result = await fn();
    return { result, queries: this.count - before };
  }

  override logQuery(query: string, parameters?: unknown[], _runner?: QueryRunner): void {
    if (/^(START TRANSACTION|COMMIT|ROLLBACK|BEGIN)/i.test(query)) return;
    if (!isBackgroundWork()) this.count++;
    // Parameters stay out of the log: they carry API keys, password hashes and message content.
    if (this.verbose)
      this.nest.debug(`${query}${parameters?.length ? ` -- ${parameters.length} parameters` : ''}`);
  }

  protected writeLog(level: LogLevel, message: LogMessage | LogMessage[]): void {
    const messages = Array.isArray(message) ? message : [message];
    for (const m of messages) {
      if (level === 'error') this.nest.error(String(m.message));
      else if (level === 'warn') this.nest.warn(String(m.message));
    }
  }
}
