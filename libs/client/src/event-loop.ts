import { backoffDelay, BackoffOptions, sleep } from './backoff';
import { ZulipApiError, ZulipNetworkError } from './errors';
import type {
  GetEventsParams,
  GetEventsResult,
  MessageEvent,
  NarrowTerm,
  RegisterParams,
  RegisterResult,
  RequestOptions,
  ZulipEvent,
  ZulipResponse,
} from './types';

export type EventHandler = (event: ZulipEvent) => void | Promise<void>;

export interface EventLoopOptions {
  /** Event types to receive; omitted = all. */
  eventTypes?: string[];
  narrow?: NarrowTerm[];
  /** Message events from every public stream, subscribed or not (bots, bridges). */
  allPublicStreams?: boolean;
  /** Other `/register` parameters, e.g. `{ apply_markdown: false }`. */
  registerParams?: Omit<RegisterParams, 'event_types' | 'narrow' | 'all_public_streams'>;
  /** Stops the loop: the pending request is aborted and the returned promise resolves. */
  signal?: AbortSignal;
  /** After every successful registration, with the initial state. */
  onRegister?: (queue: RegisterResult) => void | Promise<void>;
  /**
   * After a replacement queue was registered because the old one was gone: events in between
   * were lost, so this is the moment to catch up (e.g. fetch messages newer than the last seen).
   */
  onReregister?: (queue: RegisterResult) => void | Promise<void>;
  /** Overrides the client's retry timing. */
  backoff?: BackoffOptions;
}

/** What the loop needs from the client (kept narrow so tests can reason about it). */
export interface EventSource {
  readonly backoff: BackoffOptions;
  readonly logger: { warn(message: string): void };
  register(
    params: RegisterParams,
    options?: RequestOptions,
  ): Promise<ZulipResponse<RegisterResult>>;
  getEvents(
    params: GetEventsParams,
    options?: RequestOptions,
  ): Promise<ZulipResponse<GetEventsResult>>;
}

export function isMessageEvent(event: ZulipEvent): event is MessageEvent {
  return event.type === 'message' && typeof event.message === 'object' && event.message !== null;
}

/** Marks an error thrown by the caller's handler, so it is never mistaken for a loop error. */
export class HandlerFailure {
  constructor(readonly cause: unknown) {}
}

async function handOver(handler: EventHandler, event: ZulipEvent): Promise<void> {
  try {
    await handler(event);
  } catch (error) {
    throw new HandlerFailure(error);
  }
}

/** Errors worth retrying: the server may come back (restart, proxy hiccup, overload). */
function isTransient(error: unknown): boolean {
  if (error instanceof ZulipNetworkError) return true;
  return error instanceof ZulipApiError && (error.status >= 500 || error.code === 'HTTP_ERROR');
}

/**
 * The daemon event loop. Invariants: events reach the handler in id order, one at a time;
 * `last_event_id` advances only after the handler finished, so an event is never acknowledged
 * before it was handled and never delivered twice; the queue is kept across network errors and
 * 5xx (a restarted server may still hold it) and replaced only when the server says it is gone.
 */
export async function runEventLoop(
  source: EventSource,
  handler: EventHandler,
  options: EventLoopOptions,
): Promise<void> {
  const { signal } = options;
  const backoff = options.backoff ?? source.backoff;
  const registerParams: RegisterParams = {
    ...options.registerParams,
    event_types: options.eventTypes,
    narrow: options.narrow ?? [],
    all_public_streams: options.allPublicStreams,
  };
  let queue: { id: string; lastEventId: number } | undefined;
  let registeredBefore = false;
  // Callbacks still owed for the latest registration; retried like requests when they fail.
  let owedRegister: RegisterResult | undefined;
  let owedReregister: RegisterResult | undefined;
  let failures = 0;

  while (!signal?.aborted) {
    try {
      if (!queue) {
        const registered = await source.register(registerParams, { signal });
        queue = { id: registered.queue_id, lastEventId: registered.last_event_id };
        failures = 0;
        owedRegister = registered;
        owedReregister = registeredBefore ? registered : undefined;
        registeredBefore = true;
      }
      if (owedRegister) {
        await options.onRegister?.(owedRegister);
        owedRegister = undefined;
      }
      if (owedReregister) {
        await options.onReregister?.(owedReregister);
        owedReregister = undefined;
      }
      const polled = await source.getEvents(
        { queue_id: queue.id, last_event_id: queue.lastEventId },
        { signal },
      );
      failures = 0;
      for (const event of polled.events) {
        if (event.id <= queue.lastEventId) continue;
        if (event.type !== 'heartbeat') await handOver(handler, event);
        queue.lastEventId = event.id;
      }
    } catch (error) {
      // The handler's own failures end the loop as they are, even a network error it ran into.
      if (error instanceof HandlerFailure) throw error.cause;
      if (signal?.aborted) break;
      if (error instanceof ZulipApiError && error.isBadEventQueue && queue) {
        source.logger.warn(`Zulip event queue ${queue.id} is gone; registering a new one`);
        queue = undefined;
        continue;
      }
      if (error instanceof ZulipApiError && error.status === 429) {
        const waitMs =
          error.retryAfter !== undefined ? error.retryAfter * 1000 : backoffDelay(1, backoff);
        source.logger.warn(`Zulip rate limit hit; retrying in ${Math.round(waitMs)} ms`);
        await sleep(waitMs, signal);
        continue;
      }
      if (!isTransient(error)) throw error;
      failures += 1;
      const waitMs = backoffDelay(failures, backoff);
      const step = !queue
        ? 'register'
        : owedRegister || owedReregister
          ? 'queue set-up'
          : 'event poll';
      source.logger.warn(
        `Zulip ${step} failed (${(error as Error).message}); ` +
          `retry ${failures} in ${waitMs} ms`,
      );
      await sleep(waitMs, signal);
    }
  }
}
