import type { NextFunction, Request, Response } from 'express';
import { MAX_PARAM_DEPTH, nestingDepth } from './input-guard';
import type { ParamsRequest } from './params';
import { badCharacters, unstorable } from './unstorable';
import { ZulipError } from './zulip-error';

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
 * Refuses, for every endpoint alike, a JSON body nested beyond reason and any parameter (name or
 * value) holding text no column can store: NUL or a lone surrogate.
 */
export function paramsMiddleware(req: Request, _res: Response, next: NextFunction): void {
  if (nestingDepth(req.body, MAX_PARAM_DEPTH) > MAX_PARAM_DEPTH) {
    return next(ZulipError.badRequest('The request body is nested too deeply'));
  }
  const params: Record<string, string> = {};
  flatten(req.query, params);
  flatten(req.body, params);
  for (const [name, value] of Object.entries(params)) {
    if (unstorable(name) || unstorable(value)) return next(badCharacters(name));
  }
  (req as ParamsRequest).zulipParams = params;
  next();
}
