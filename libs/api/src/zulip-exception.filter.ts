import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { ZulipError } from './zulip-error';

interface BodyParserError {
  type?: string;
  status?: number;
  statusCode?: number;
}

/** The one place where any thrown error becomes Zulip's JSON error envelope. */
@Catch()
export class ZulipExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') return;
    this.send(host.switchToHttp().getResponse<Response>(), exception);
  }

  /** Also used by the Express error handler that sits behind the body parsers. */
  send(res: Response, exception: unknown): void {
    const error = this.toZulipError(exception);
    if (res.headersSent) return;
    for (const [name, value] of Object.entries(error.headers)) res.setHeader(name, value);
    res.status(error.status).json(error.envelope());
  }

  toZulipError(exception: unknown): ZulipError {
    if (exception instanceof ZulipError) return exception;
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      if (status === 404) return new ZulipError('BAD_REQUEST', 'Endpoint does not exist', 404);
      if (status === 413) return new ZulipError('BAD_REQUEST', 'Request body too large', 413);
      if (status === 405) return new ZulipError('BAD_REQUEST', 'Method not allowed', 405);
      if (status < 500) return new ZulipError('BAD_REQUEST', exception.message, status);
    }
    const parserError = exception as BodyParserError;
    if (parserError && typeof parserError === 'object' && typeof parserError.type === 'string') {
      if (parserError.type === 'entity.too.large') {
        return new ZulipError('BAD_REQUEST', 'Request body too large', 413);
      }
      if (parserError.type === 'entity.parse.failed') {
        return new ZulipError('INVALID_JSON', 'Malformed JSON', 400);
      }
      return new ZulipError('BAD_REQUEST', 'Malformed request body', 400);
    }
    // A body parser's own 4xx (e.g. a body declared gzip that is not): the client's fault.
    const status = parserError?.status ?? parserError?.statusCode;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      return new ZulipError('BAD_REQUEST', 'Malformed request body', status === 413 ? 413 : 400);
    }
    if (exception && typeof exception === 'object' && (exception as Error).name === 'MulterError') {
      return new ZulipError(
        'BAD_REQUEST',
        `Malformed multipart body: ${(exception as Error).message}`,
      );
    }
    this.logger.error(
      exception instanceof Error ? (exception.stack ?? exception.message) : String(exception),
    );
    return new ZulipError('INTERNAL_SERVER_ERROR', 'Internal server error', 500);
  }
}
