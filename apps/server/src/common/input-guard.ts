import type { ArgumentMetadata, PipeTransform } from '@nestjs/common';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { isUtf8 } from 'node:buffer';
import type { IncomingMessage } from 'node:http';
import { MAX_INT32 } from './params';
import { badCharacters, unstorable } from './unstorable';
import { ZulipError } from './zulip-error';

/**
 * The edge every request passes before any handler (and so before the database): bodies over
 * the limit, bodies and query strings that are not UTF-8, broken multipart, file names with
 * control characters, text no PostgreSQL column can hold (NUL, lone surrogates), structures
 * nested beyond reason and path ids out of range are refused here, in one place, with Zulip's
 * error envelope. The params layer (`params.ts`) adds the per-parameter rules (types, null,
 * number ranges).
 */

/** Deeper than this, a parameter's JSON is refused: Zulip's own structures nest 3 or 4 levels. */
export const MAX_PARAM_DEPTH = 16;

interface GuardedRequest extends IncomingMessage {
  badEncoding?: boolean;
}

/** Whether a form-encoded string (`a=1&b=%C3%A9`) decodes to valid UTF-8. */
export function formIsUtf8(raw: string): boolean {
  for (const part of raw.split(/[&=]/)) {
    if (!part.includes('%')) continue;
    try {
      // A `%` not starting an escape is literal, as the form parsers read it.
      decodeURIComponent(part.replace(/%(?![0-9a-fA-F]{2})/g, '%25'));
    } catch {
      return false;
    }
  }
  return true;
}

/** Refuses a declared body over `max` bytes before any parser starts reading it. */
export function bodyLimit(max: number): RequestHandler {
  return (req: Request, _res: Response, next: NextFunction) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > max) return next(new ZulipError('BAD_REQUEST', 'Request body too large', 413));
    next();
  };
}

/** The body parsers' `verify` hook: marks raw bodies that are not UTF-8 (refused just after). */
export function verifyEncoding(req: IncomingMessage, _res: unknown, raw: Buffer): void {
  const guarded = req as GuardedRequest;
  const form = (req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded');
  if (!isUtf8(raw) || (form && !formIsUtf8(raw.toString('utf8')))) guarded.badEncoding = true;
}

/** Refuses a body or query string that is not UTF-8 (after the body parsers ran). */
export function rejectBadEncoding(req: Request, _res: Response, next: NextFunction): void {
  const query = req.url.indexOf('?');
  const badQuery = query >= 0 && !formIsUtf8(req.url.slice(query + 1));
  if ((req as GuardedRequest).badEncoding || badQuery) {
    return next(ZulipError.badRequest('The request is not valid UTF-8'));
  }
  next();
}

/**
 * Runs multer, turning its failures (no boundary, truncated parts, limits) into Zulip errors, and
 * refuses uploaded file names with control characters.
 */
export function guardedMultipart(upload: RequestHandler): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    upload(req, res, (err?: unknown) => {
      if (err) return next(multipartError(err));
      const files = Array.isArray(req.files) ? req.files : [];
      if (files.some((f) => /\p{Cc}/u.test(f.originalname) || unstorable(f.originalname))) {
        return next(ZulipError.badRequest('Invalid characters in a file name'));
      }
      next();
    });
  };
}

function multipartError(err: unknown): ZulipError {
  if (err instanceof ZulipError) return err;
  const code = (err as { code?: unknown }).code;
  if (code === 'LIMIT_FILE_SIZE' || code === 'LIMIT_FIELD_VALUE') {
    return new ZulipError('BAD_REQUEST', 'Request body too large', 413);
  }
  const detail = err instanceof Error ? err.message : String(err);
  return ZulipError.badRequest(`Malformed multipart body: ${detail}`);
}

/** How deeply `value` nests (arrays and objects), counted without recursion. */
export function nestingDepth(value: unknown, limit: number): number {
  let deepest = 0;
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [item, depth] = stack.pop() as [unknown, number];
    deepest = Math.max(deepest, depth);
    if (deepest > limit) return deepest;
    if (item && typeof item === 'object') {
      for (const child of Object.values(item)) stack.push([child, depth + 1]);
    }
  }
  return deepest;
}

/** What each kind of path id says when it is out of range (Zulip's words). */
const PATH_ID_ERRORS: Record<string, string> = {
  stream_id: 'Invalid channel ID',
  message_id: 'Invalid message(s)',
  user_id: 'No such user',
  id: 'No such user',
  email_or_id: 'No such user',
  user_id_or_email: 'No such user',
  bot_id: 'No such bot',
};

/**
 * The global pipe on path parameters: no NUL or lone surrogates, and a numeric id no larger
 * than its column holds (message ids are 64-bit; every other id is a 32-bit integer).
 */
export class PathParamsPipe implements PipeTransform {
  transform(value: unknown, meta: ArgumentMetadata): unknown {
    if (meta.type !== 'param' || typeof value !== 'string') return value;
    const name = meta.data ?? 'path';
    if (unstorable(value)) throw badCharacters(name);
    const limit = name === 'message_id' ? Number.MAX_SAFE_INTEGER : MAX_INT32;
    if (/^\d+$/.test(value) && Number(value) > limit) {
      throw ZulipError.badRequest(PATH_ID_ERRORS[name] ?? `Invalid ${name}`);
    }
    return value;
  }
}
