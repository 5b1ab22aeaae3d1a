import { ZulipError } from '../../common/zulip-error';

export type ListenerEnd = 'superseded' | 'shutdown' | 'queue-gone' | 'disconnected';

/**
 * Something in this process waiting for a queue's events: a long-poll (answers once) or a
 * WebSocket (streams until it closes). At most one per queue; a newer one supersedes the older.
 */
export interface QueueListener {
  readonly queueId: string;
  /** Events with id <= ack are acknowledged on the next read. */
  ack: number;
  /** The listener already has every event with id <= after. */
  after: number;
  /**
   * Hands over new events as the store keeps them (JSON texts, ids ascending); returns false when
   * the listener is done (a long-poll that answered).
   */
  deliver(texts: string[]): boolean;
  end(reason: ListenerEnd): void;
}

/** The id of a stored event without parsing it: every text starts with `{"id":N`. */
export function idOf(text: string): number {
  const match = /^\{"id":(\d+)/.exec(text);
  if (!match) throw new Error('A stored event must start with its id');
  return Number(match[1]);
}

/** The error for a queue that does not exist (any more) or is not the caller's. */
export function badEventQueue(queueId: string): ZulipError {
  return new ZulipError('BAD_EVENT_QUEUE_ID', `Bad event queue ID: ${queueId}`, 400, {
    queue_id: queueId,
  });
}
