/** The base of every error this client throws, so callers can catch them all at once. */
export class ZulipClientError extends Error {
  override name = 'ZulipClientError';
}

/** The configuration (options, environment, .zuliprc) is missing, unreadable or invalid. */
export class ZulipConfigError extends ZulipClientError {
  override name = 'ZulipConfigError';
}

/**
 * The server answered with an error. `code` is the server's error code (`BAD_EVENT_QUEUE_ID`,
 * `INVALID_API_KEY`, ...) or `HTTP_ERROR` when the body was not a Zulip JSON envelope (for
 * example a proxy's HTML 502 page). `extra` holds the body's other fields (`queue_id`,
 * `retry-after`, `var_name`, ...).
 */
export class ZulipApiError extends ZulipClientError {
  override name = 'ZulipApiError';

  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    readonly extra: Readonly<Record<string, unknown>> = {},
    /** Seconds from the `Retry-After` header, when the server sent one. */
    readonly retryAfterHeader?: number,
  ) {
    super(message);
  }

  /** The server's human-readable message (Zulip calls it `msg`). */
  get msg(): string {
    return this.message;
  }

  /** Seconds to wait before retrying: the `Retry-After` header, else the body's `retry-after`. */
  get retryAfter(): number | undefined {
    if (this.retryAfterHeader !== undefined) return this.retryAfterHeader;
    const fromBody = this.extra['retry-after'];
    return typeof fromBody === 'number' && Number.isFinite(fromBody) ? fromBody : undefined;
  }

  /** True when the event queue is gone and the caller must register a new one. */
  get isBadEventQueue(): boolean {
    // Old servers only said so in the message; python-zulip-api checks both.
    return this.code === 'BAD_EVENT_QUEUE_ID' || /^bad event queue id/i.test(this.message);
  }
}

/** The request never got an answer: connection refused or reset, DNS failure, TLS failure, timeout. */
export class ZulipNetworkError extends ZulipClientError {
  override name = 'ZulipNetworkError';

  constructor(
    message: string,
    /** The system error code (`ECONNREFUSED`, `ECONNRESET`, `ETIMEDOUT`, ...) when there is one. */
    readonly code: string | undefined,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** The caller's AbortSignal fired while a request or a wait was in progress. */
export class ZulipAbortError extends ZulipClientError {
  override name = 'AbortError';
}
