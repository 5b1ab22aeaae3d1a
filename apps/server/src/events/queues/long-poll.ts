import { ListenerEnd, QueueListener } from './queue-listener';

/**
 * One blocked `GET /events`: answers once, with the first events that arrive, a heartbeat when
 * its randomized timeout passes, an empty list when superseded or the server stops, or an error
 * when the queue disappears.
 */
export class LongPoll implements QueueListener {
  readonly after: number;
  private timer: NodeJS.Timeout | undefined;
  private done = false;

  constructor(
    readonly queueId: string,
    readonly ack: number,
    /** Gets the stored JSON texts of the events, or the news that the queue is gone. */
    private readonly answer: (outcome: string[] | 'queue-gone') => void,
  ) {
    this.after = ack;
  }

  /** Calls `onTimeout` (which queues a heartbeat) unless an answer comes first. */
  startTimer(ms: number, onTimeout: () => void): void {
    this.timer = setTimeout(() => {
      if (!this.done) onTimeout();
    }, ms);
  }

  deliver(texts: string[]): boolean {
    this.finish(texts);
    return false;
  }

  end(reason: ListenerEnd): void {
    this.finish(reason === 'queue-gone' ? 'queue-gone' : []);
  }

  get finished(): boolean {
    return this.done;
  }

  private finish(outcome: string[] | 'queue-gone'): void {
    if (this.done) return;
    this.done = true;
    clearTimeout(this.timer);
    this.answer(outcome);
  }
}
