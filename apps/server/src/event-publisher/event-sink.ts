import type { PublishableEvent } from '@hub/api/event.types';

/** Who receives an event. The publisher decides visibility; the queue store only delivers. */
export interface EventRecipients {
  /** The users whose queues get the event. */
  userIds: readonly number[];
  /** Per-user message flags (for `message` and `update_message` events); absent means `[]`. */
  flags?: ReadonlyMap<number, readonly string[]>;
  /**
   * Set only for events about a PUBLIC stream: the realm whose `all_public_streams` queues also
   * get the event. Never set it for private streams or direct messages.
   */
  publicStreamRealmId?: number;
}

/** One event and who receives it. */
export interface Publication {
  event: PublishableEvent;
  recipients: EventRecipients;
}

/** Where committed events go: the event queues attach themselves as the sink at start. */
export interface EventSink {
  /** Appends the publications (one transaction's, in order) to the recipients' queues. */
  deliver(publications: readonly Publication[]): Promise<void>;
}
