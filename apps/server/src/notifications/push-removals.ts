import { BeforeApplicationShutdown, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { runInBackground } from '../database/query-counter';
import { MessageAnnouncer } from '../messages/message-announcer';
import { PushBouncer } from '../push-devices/push-bouncer';
import { PushNotificationsRepository } from '../push-devices/push-notifications.repository';

/**
 * When a user reads messages (on any client), the push notifications of those messages still on
 * their phones are taken off: a "remove" notification is queued for the ones that were pushed
 * (posted by PushNotificationSender, retried like the others), as Zulip does.
 */
@Injectable()
export class PushRemovals implements OnModuleInit, BeforeApplicationShutdown {
  private readonly logger = new Logger('PushNotifications');
  private readonly pending = new Set<Promise<void>>();

  constructor(
    private readonly announcer: MessageAnnouncer,
    private readonly bouncer: PushBouncer,
    private readonly repo: PushNotificationsRepository,
  ) {}

  onModuleInit(): void {
    if (!this.bouncer.configured) return;
    this.announcer.onRead((userId, messageIds) => {
      const work = runInBackground(() => this.repo.scheduleRemoval(userId, messageIds)).catch(
        (err: unknown) =>
          this.logger.error(`Queueing a push removal failed: ${(err as Error).message}`),
      );
      this.pending.add(work);
      void work.finally(() => this.pending.delete(work));
    });
  }

  /** Resolves once every read so far has been looked at (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.idle();
  }
}
