import type { ZulipErrorCode } from './error-codes';

/** An error the API reports to clients in Zulip's JSON envelope. */
export class ZulipError extends Error {
  constructor(
    readonly code: ZulipErrorCode,
    message: string,
    readonly status = 400,
    readonly extra: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }

  /** The JSON body clients get: `{result: "error", msg, code, ...extra}`. */
  envelope(): Record<string, unknown> {
    return { result: 'error', msg: this.message, code: this.code, ...this.extra };
  }

  static badRequest(msg: string, extra: Record<string, unknown> = {}): ZulipError {
    return new ZulipError('BAD_REQUEST', msg, 400, extra);
  }

  static missing(varName: string): ZulipError {
    return new ZulipError('REQUEST_VARIABLE_MISSING', `Missing '${varName}' argument`, 400, {
      var_name: varName,
    });
  }

  static invalid(varName: string, why?: string): ZulipError {
    return new ZulipError(
      'BAD_REQUEST',
      why ? `Invalid ${varName}: ${why}` : `Invalid ${varName}`,
      400,
      { var_name: varName },
    );
  }

  static unauthorizedQuery(): ZulipError {
    return new ZulipError('BAD_REQUEST', 'User not authorized for this query', 400);
  }

  static notFound(msg: string, code: ZulipErrorCode = 'BAD_REQUEST'): ZulipError {
    return new ZulipError(code, msg, 404);
  }

  static forbidden(
    msg = 'Insufficient permission',
    code: ZulipErrorCode = 'UNAUTHORIZED_PRINCIPAL',
  ): ZulipError {
    return new ZulipError(code, msg, 403);
  }

  static unauthorized(
    msg = 'Not logged in: API authentication or user session required',
    code: ZulipErrorCode = 'UNAUTHORIZED',
  ): ZulipError {
    return new ZulipError(code, msg, 401, {}, { 'WWW-Authenticate': 'Basic realm="zulip"' });
  }

  static rateLimited(retryAfterSeconds: number): ZulipError {
    const secs = Math.max(0.001, Math.round(retryAfterSeconds * 1000) / 1000);
    return new ZulipError(
      'RATE_LIMIT_HIT',
      'API usage exceeded rate limit',
      429,
      { 'retry-after': secs },
      { 'Retry-After': String(Math.ceil(secs)) },
    );
  }

  static streamDoesNotExist(stream: string | number): ZulipError {
    return typeof stream === 'number'
      ? new ZulipError('BAD_REQUEST', 'Invalid channel ID', 400, { stream_id: stream })
      : new ZulipError('STREAM_DOES_NOT_EXIST', `Channel '${stream}' does not exist`, 400, {
          stream,
        });
  }
}
