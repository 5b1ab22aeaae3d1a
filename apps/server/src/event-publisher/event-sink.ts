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

/** A delivery started at once: `issued` once nothing handed over later can overtake it. */
export interface DeliveryTurn {
  issued: Promise<void>;
  done: Promise<void>;
}

/** Where committed events go: the event queues attach themselves as the sink at start. */
export interface EventSink {
  /** Appends the publications (one transaction's, in order) to the recipients' queues. */
  deliver(publications: readonly Publication[]): Promise<void>;
  /**
   * Optional, for a sink whose deliveries may overlap: starts delivering now (looking up the
   * recipients' queues, say) but appends only once `previousIssued` has resolved. `issued`
   * resolves as soon as the appends are on their way in order (a later delivery can no longer
   * overtake them), and always resolves, after `previousIssued`, even when the delivery fails;
   * `done` once they are in the queues. Without it, deliveries run one after another.
   */
  deliverInTurn?(publications: readonly Publication[], previousIssued: Promise<void>): DeliveryTurn;
}
