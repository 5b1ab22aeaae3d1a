import { BeforeApplicationShutdown, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { runInBackground } from '../database/query-counter';
import { EventsService } from '../events/queues/events.service';
import { MessageAnnouncer } from '../messages/message-announcer';
import type { SentMessage } from '../messages/message-changes';
import { MessageFlag } from '../messages/flags';
import { PushBouncer } from '../push-devices/push-bouncer';
import { PushDevicesRepository } from '../push-devices/push-devices.repository';
import { PushNotificationsRepository } from '../push-devices/push-notifications.repository';
import type { PushTrigger } from '../push-devices/push-payloads';
import { withPersonal } from '../user-settings-defaults/user-settings-defaults';
import { UserSettingsDefaultsService } from '../user-settings-defaults/user-settings-defaults.service';
import { emailSettingsOf, emailTrigger } from './email-triggers';
import { MissedMessageEmailsRepository } from './missed-message-emails.repository';
import { pushTrigger } from './push-triggers';

/** How long sends gather before their emails are looked at together (one statement for all). */
const BATCH_MS = 50;

/**
 * After each committed send, queues a missed-message email for every recipient who is away from
 * Zulip (no event queue receiving messages) and whose settings ask for one, due after their
 * batching period. The mailer sends them, unless the user has read the message by then. With a
 * push bouncer configured, recipients with a registered mobile device also get a push
 * notification of DMs and mentions (queued now, posted by PushNotificationSender): those away,
 * and those active on another client whose enable_online_push_notifications is on. Sends
 * are looked at in small batches, so a busy server pays a few statements per batch, not per send.
 */
@Injectable()
export class MissedMessageNotifier implements OnModuleInit, BeforeApplicationShutdown {
  private readonly logger = new Logger('MissedMessageEmails');
  private readonly pending = new Set<Promise<void>>();
  private batch: SentMessage[] = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly announcer: MessageAnnouncer,
    private readonly events: EventsService,
    private readonly repo: MissedMessageEmailsRepository,
    private readonly defaults: UserSettingsDefaultsService,
    private readonly bouncer: PushBouncer,
    private readonly pushDevices: PushDevicesRepository,
    private readonly pushes: PushNotificationsRepository,
  ) {}

  onModuleInit(): void {
    this.announcer.onSent((sent) => {
      this.batch.push(sent);
      this.timer ??= setTimeout(() => this.flush(), BATCH_MS);
    });
  }

  /** Resolves once every send so far has been looked at (tests, shutdown). */
  async idle(): Promise<void> {
    if (this.timer) this.flush();
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }

  /** Sends already committed still get their emails queued before the database closes. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.idle();
  }

  private flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const sents = this.batch;
    this.batch = [];
    // After the sends committed, beside their answers: not part of a request's own statements.
    const work = runInBackground(() => this.queueFor(sents)).catch((err: unknown) =>
      this.logger.error(`Queueing missed-message emails failed: ${(err as Error).message}`),
    );
    this.pending.add(work);
    void work.finally(() => this.pending.delete(work));
  }

  private async queueFor(sents: SentMessage[]): Promise<void> {
    // Read already (one's own, a muted sender's): never mailed. Then only those away from Zulip
    // are looked up (and, with a push service, those active elsewhere with a mobile device who
    // may be pushed a DM or mention), so messages whose readers are all online cost no statement
    // without one.
    const mentions = MessageFlag.mentioned | MessageFlag.wildcard_mentioned;
    const candidates = sents.flatMap((sent) =>
      sent.recipients
        .filter((r) => r.user_id !== sent.sender.id && (r.flags & MessageFlag.read) === 0)
        .map((r) => ({ sent, userId: r.user_id, flags: r.flags })),
    );
    if (candidates.length === 0) return;
    const online = await this.events.usersReceivingMessages([
      ...new Set(candidates.map((c) => c.userId)),
    ]);
    const away = candidates.filter((c) => !online.has(c.userId));
    // Zulip pushes DMs and mentions to a user active on another client too, when their
    // enable_online_push_notifications is on (decided below, with their settings).
    const activeElsewhere = this.bouncer.configured
      ? candidates.filter(
          (c) => online.has(c.userId) && (c.sent.dmUserIds !== null || (c.flags & mentions) !== 0),
        )
      : [];
    if (away.length === 0 && activeElsewhere.length === 0) return;
    const withDevices = this.bouncer.configured
      ? await this.pushDevices.usersWithDevices([
          ...new Set([...away, ...activeElsewhere].map((c) => c.userId)),
        ])
      : new Set<number>();
    const lookAt = [...away, ...activeElsewhere.filter((c) => withDevices.has(c.userId))];
    if (lookAt.length === 0) return;
    const defaultsOf = new Map<number, Awaited<ReturnType<UserSettingsDefaultsService['get']>>>();
    for (const realmId of new Set(lookAt.map((c) => c.sent.message.realm_id))) {
      defaultsOf.set(realmId, await this.defaults.get(realmId));
    }
    const rows = await this.repo.recipients(
      lookAt.map((c) => ({
        messageId: c.sent.message.id,
        userId: c.userId,
        streamId: c.sent.message.stream_id,
        topic: c.sent.message.topic,
        always: c.sent.dmUserIds !== null || (c.flags & mentions) !== 0,
        streamEmailDefault:
          defaultsOf.get(c.sent.message.realm_id)?.enable_stream_email_notifications === true,
      })),
    );
    const queued = [];
    const pushes: Array<{ userId: number; messageId: number; trigger: PushTrigger }> = [];
    for (const row of rows) {
      const candidate = lookAt[row.pair];
      const idle = !online.has(row.user_id);
      const settings = withPersonal(defaultsOf.get(row.realm_id) ?? {}, row.settings);
      const facts = {
        isDirect: candidate.sent.dmUserIds !== null,
        flags: candidate.flags,
        subscription: row.subscribed
          ? {
              is_muted: row.is_muted ?? false,
              email_notifications: row.email_notifications,
              wildcard_mentions_notify: row.wildcard_mentions_notify,
            }
          : null,
        topicPolicy: row.topic_policy,
      };
      const push = withDevices.has(row.user_id) ? pushTrigger(facts, settings, idle) : null;
      if (push) {
        pushes.push({ userId: row.user_id, messageId: candidate.sent.message.id, trigger: push });
      }
      // Emails are for those away only.
      const trigger = idle ? emailTrigger({ ...facts, settings: emailSettingsOf(settings) }) : null;
      if (!trigger) continue;
      const delaySeconds = Number(settings.email_notifications_batching_period_seconds);
      queued.push({
        userId: row.user_id,
        messageId: candidate.sent.message.id,
        trigger,
        delaySeconds,
      });
    }
    await this.repo.schedule(queued);
    await this.pushes.scheduleMessages(pushes);
  }
}
