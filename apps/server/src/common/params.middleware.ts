import type { NextFunction, Request, Response } from 'express';
import type { ParamsRequest } from './params';

/** Copies parameters into `into` as strings: the last of repeated ones, JSON for structured ones. */
export function flatten(source: unknown, into: Record<string, string>): void {
  if (!source || typeof source !== 'object') return;
  for (const [key, value] of Object.entries(source as Record<string, unknown>)) {
    const last = Array.isArray(value) ? value[value.length - 1] : value;
    if (last === undefined || last === null) continue;
    into[key] = typeof last === 'string' ? last : JSON.stringify(last);
  }
}

/**
 * Gathers parameters from the query string and the body (urlencoded, multipart or JSON) into one
 * flat map of strings, on every method: zulip-js sends PATCH/DELETE parameters in the query.
 */
export function paramsMiddleware(req: Request, _res: Response, next: NextFunction): void {
  const params: Record<string, string> = {};
  flatten(req.query, params);
  flatten(req.body, params);
  (req as ParamsRequest).zulipParams = params;
  next();
}
