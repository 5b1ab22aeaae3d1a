import type { Logger } from '@nestjs/common';
import { runInBackground } from './query-counter';

/**
 * Runs `round` (deliver whatever fell due) at start and then every `everyMs`, one round at a
 * time, outside any request's query count; `stop` waits for a round in progress. Rounds that
 * fail are logged, and the next one tries again.
 */
export class DuePoller {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(
    private readonly options: {
      everyMs: number;
      round: () => Promise<unknown>;
      logger: Logger;
      /** What a failed round was doing, for the log: "Sending scheduled messages". */
      doing: string;
    },
  ) {}

  start(): void {
    void this.tick();
    // The round's promise is returned so that its statements stay outside the count until done.
    this.timer = setInterval(() => void runInBackground(() => this.tick()), this.options.everyMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }

  private tick(): Promise<void> {
    if (this.running) return this.running;
    const { round, logger, doing } = this.options;
    this.running = round()
      .then(() => undefined)
      .catch((err: unknown) => logger.error(`${doing} failed: ${(err as Error).message}`))
      .finally(() => {
        this.running = undefined;
      });
    return this.running;
  }
}
