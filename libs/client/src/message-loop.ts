import {
  EventLoopOptions,
  EventSource,
  HandlerFailure,
  isMessageEvent,
  runEventLoop,
} from './event-loop';
import type {
  GetMessagesParams,
  GetMessagesResult,
  Message,
  NarrowTerm,
  RequestOptions,
  ZulipResponse,
} from './types';

export interface MessageContext {
  /** The receiving user's flags for the message (`mentioned`, `read`, ...). */
  flags: string[];
  /** True when the message was fetched by the catch-up after a lost queue, not pushed as an event. */
  caughtUp: boolean;
}

export type MessageHandler = (message: Message, context: MessageContext) => void | Promise<void>;

export interface MessageLoopOptions extends Omit<EventLoopOptions, 'eventTypes'> {
  /**
   * When the event queue was lost (server restart without its queues, 10 idle minutes), fetch
   * the messages sent in between with `GET /messages` and deliver them before new ones, so no
   * message is missed. Needs at least one delivered message to know where to resume.
   */
  catchUp?: boolean;
  /** Messages per catch-up page (default 200). */
  catchUpPageSize?: number;
}

export interface MessageSource extends EventSource {
  readonly messages: {
    get(
      params: GetMessagesParams,
      options?: RequestOptions,
    ): Promise<ZulipResponse<GetMessagesResult>>;
  };
}

// Enough to cover a catch-up page overlapping the new queue, small enough to stay bounded.
const REMEMBERED_IDS = 5000;

/** The narrow `GET /messages` needs to see what the queue would have delivered. */
function catchUpNarrow(options: MessageLoopOptions): NarrowTerm[] {
  const narrow = [...(options.narrow ?? [])];
  if (options.allPublicStreams) narrow.push({ operator: 'streams', operand: 'public' });
  return narrow;
}

/**
 * The event loop for `message` events. Each message is delivered once: ids already handled are
 * remembered, so a catch-up page and the new queue may overlap without duplicates.
 */
export function runMessageLoop(
  source: MessageSource,
  handler: MessageHandler,
  options: MessageLoopOptions,
): Promise<void> {
  const delivered = new Set<number>();
  let newestId: number | undefined;

  const deliver = async (message: Message, context: MessageContext): Promise<void> => {
    if (delivered.has(message.id)) return;
    await handler(message, context);
    delivered.add(message.id);
    if (delivered.size > REMEMBERED_IDS)
      delivered.delete(delivered.values().next().value as number);
    newestId = newestId === undefined ? message.id : Math.max(newestId, message.id);
  };

  const catchUp = async (): Promise<void> => {
    const pageSize = options.catchUpPageSize ?? 200;
    const narrow = catchUpNarrow(options);
    while (newestId !== undefined && !options.signal?.aborted) {
      const page = await source.messages.get(
        {
          anchor: newestId,
          include_anchor: false,
          num_before: 0,
          num_after: pageSize,
          narrow,
          apply_markdown: options.registerParams?.apply_markdown ?? false,
          client_gravatar: options.registerParams?.client_gravatar,
        },
        { signal: options.signal },
      );
      const before = newestId;
      for (const message of page.messages) {
        // Runs inside a loop callback: mark handler errors so the loop does not retry them.
        await deliver(message, { flags: message.flags ?? [], caughtUp: true }).catch((error) => {
          throw new HandlerFailure(error);
        });
      }
      if (page.found_newest || page.messages.length === 0 || newestId === before) return;
    }
  };

  return runEventLoop(
    source,
    async (event) => {
      if (isMessageEvent(event))
        await deliver(event.message, { flags: event.flags, caughtUp: false });
    },
    {
      ...options,
      eventTypes: ['message'],
      onReregister: async (queue) => {
        if (options.catchUp) await catchUp();
        await options.onReregister?.(queue);
      },
    },
  );
}
