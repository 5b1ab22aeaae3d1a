import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { map, Observable } from 'rxjs';
import type { ParamsRequest } from './params';

/** Parameters every endpoint accepts without declaring them. */
const ALWAYS_ACCEPTED = new Set(['api_key', 'client', 'format']);

/** A controller's return value that must go out as-is (a file, a redirect, HTML). */
export class RawResponse {
  constructor(readonly handled = true) {}
}

/**
 * Wraps what a controller returns in Zulip's success envelope and lists the parameters the endpoint
 * did not use in `ignored_parameters_unsupported`, as Zulip does.
 */
@Injectable()
export class EnvelopeInterceptor implements NestInterceptor {
  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (ctx.getType() !== 'http') return next.handle();
    const req = ctx.switchToHttp().getRequest<ParamsRequest>();
    return next.handle().pipe(
      map((body: unknown) => {
        if (body instanceof RawResponse) return undefined;
        return successEnvelope(body, unusedParams(req));
      }),
    );
  }
}

/** Zulip's success envelope around what a handler answered, with the parameters it ignored. */
export function successEnvelope(body: unknown, ignored: string[]): Record<string, unknown> {
  const envelope: Record<string, unknown> = { result: 'success', msg: '' };
  if (body && typeof body === 'object') Object.assign(envelope, body);
  if (ignored.length > 0) envelope.ignored_parameters_unsupported = ignored;
  return envelope;
}

function unusedParams(req: ParamsRequest): string[] {
  return ignoredParams(
    req.zulipParams ?? {},
    req.zulipConsumedParams,
    Object.keys(req.params ?? {}),
  );
}

/** The parameters a request sent that its endpoint did not read (Zulip reports them). */
export function ignoredParams(
  params: Record<string, string>,
  consumed: Set<string> = new Set(),
  pathParams: string[] = [],
): string[] {
  return Object.keys(params).filter(
    (name) => !consumed.has(name) && !pathParams.includes(name) && !ALWAYS_ACCEPTED.has(name),
  );
}
