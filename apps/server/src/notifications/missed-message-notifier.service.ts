import { BeforeApplicationShutdown, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { runInBackground } from '../database/query-counter';
import { EventsService } from '../events/queues/events.service';
import { MessageAnnouncer } from '../messages/message-announcer';
import type { SentMessage } from '../messages/message-changes';
import { MessageFlag } from '../messages/flags';
import { withPersonal } from '../user-settings-defaults/user-settings-defaults';
import { UserSettingsDefaultsService } from '../user-settings-defaults/user-settings-defaults.service';
import { emailSettingsOf, emailTrigger } from './email-triggers';
import { MissedMessageEmailsRepository } from './missed-message-emails.repository';

/**
 * After each committed send, queues a missed-message email for every recipient who is away from
 * Zulip (no event queue receiving messages) and whose settings ask for one, due after their
 * batching period. The mailer sends them, unless the user has read the message by then.
 */
@Injectable()
export class MissedMessageNotifier implements OnModuleInit, BeforeApplicationShutdown {
  private readonly logger = new Logger('MissedMessageEmails');
  private readonly pending = new Set<Promise<void>>();

  constructor(
    private readonly announcer: MessageAnnouncer,
    private readonly events: EventsService,
    private readonly repo: MissedMessageEmailsRepository,
    private readonly defaults: UserSettingsDefaultsService,
  ) {}

  onModuleInit(): void {
    // After the send committed, beside its answer: not part of the request's own statements.
    this.announcer.onSent((sent) => this.track(runInBackground(() => this.queueFor(sent))));
  }

  /** Resolves once every send so far has been looked at (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }

  /** Sends already committed still get their emails queued before the database closes. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.idle();
  }

  private track(work: Promise<void>): void {
    const safe = work.catch((err: unknown) =>
      this.logger.error(`Queueing missed-message emails failed: ${(err as Error).message}`),
    );
    this.pending.add(safe);
    void safe.finally(() => this.pending.delete(safe));
  }

  private async queueFor(sent: SentMessage): Promise<void> {
    // Read already (one's own, a muted sender's): never mailed. Then only those away from Zulip
    // are looked up, so a message to a stream whose readers are all online costs no query.
    const candidates = sent.recipients.filter(
      (r) => r.user_id !== sent.sender.id && (r.flags & MessageFlag.read) === 0,
    );
    if (candidates.length === 0) return;
    const online = await this.events.usersReceivingMessages(candidates.map((r) => r.user_id));
    const awayIds = candidates.map((r) => r.user_id).filter((id) => !online.has(id));
    if (awayIds.length === 0) return;
    const away = await this.repo.recipients(awayIds, sent.message.stream_id, sent.message.topic);
    const defaults = await this.defaults.get(sent.message.realm_id);
    const flagsOf = new Map(candidates.map((r) => [r.user_id, r.flags]));
    const queued = away.flatMap((row) => {
      const settings = withPersonal(defaults, row.settings);
      const trigger = emailTrigger({
        isDirect: sent.dmUserIds !== null,
        flags: flagsOf.get(row.user_id) ?? 0,
        settings: emailSettingsOf(settings),
        subscription: row.subscribed
          ? {
              is_muted: row.is_muted ?? false,
              email_notifications: row.email_notifications,
              wildcard_mentions_notify: row.wildcard_mentions_notify,
            }
          : null,
        topicPolicy: row.topic_policy,
      });
      if (!trigger) return [];
      const delaySeconds = Number(settings.email_notifications_batching_period_seconds);
      return [{ userId: row.user_id, messageId: sent.message.id, trigger, delaySeconds }];
    });
    await this.repo.schedule(queued);
  }
}
