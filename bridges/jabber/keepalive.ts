export interface KeepaliveOptions {
  intervalMs: number;
  /** Resolves when the peer answered; rejects on timeout or error. */
  ping: () => Promise<unknown>;
  /** Called once, on the first unanswered ping. */
  onDead: () => void;
}

/**
 * XEP-0199 keep-alive: a ping every interval, one at a time. A connection whose peer stopped
 * answering (a silently dropped NAT entry, a frozen server) looks fine to TCP for many minutes;
 * the first unanswered ping declares it dead so the bridge reconnects instead of going quiet.
 */
export class Keepalive {
  private timer: NodeJS.Timeout | undefined;
  private inFlight = false;
  private dead = false;

  constructor(private readonly options: KeepaliveOptions) {}

  start(): void {
    this.stop();
    this.dead = false;
    this.timer = setInterval(() => this.tick(), this.options.intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  private tick(): void {
    if (this.inFlight || this.dead) return;
    this.inFlight = true;
    this.options.ping().then(
      () => {
        this.inFlight = false;
      },
      () => {
        this.inFlight = false;
        if (this.dead || this.timer === undefined) return;
        this.dead = true;
        this.stop();
        this.options.onDead();
      },
    );
  }
}
