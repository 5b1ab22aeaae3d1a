import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { Database } from '../database/database.service';
import { DuePoller } from '../database/due-poller';
import { RealmResolver } from '../identity/realm-resolver.service';
import { RealmsRepository } from '../identity/realms.repository';
import { UsersRepository } from '../identity/users.repository';
import { MailService } from '../mail/mail.service';
import { UserSettingsDefaultsService } from '../user-settings-defaults/user-settings-defaults.service';
import type { EmailTrigger } from './email-triggers';
import {
  MissedMessageEmailsRepository,
  MissedMessageRow,
} from './missed-message-emails.repository';
import { composeMissedMessageEmail, Conversation } from './missed-message-email';

/** How often each server process looks for batches whose time has come. */
const POLL_EVERY_MS = 1_000;
/** A batch whose mail failed is tried again this much later. */
const RETRY_AFTER_SECONDS = 60;

/**
 * Mails the missed-message batches that fell due: one email per conversation (a stream topic or
 * a DM conversation), leaving out messages the user has read or that were deleted meanwhile.
 * A batch is claimed in the transaction that mails it, so a restart neither loses nor repeats
 * it, and with several processes only one mails each. Only in the server, not `npm run manage`.
 */
@Injectable()
export class MissedMessageMailer implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('MissedMessageEmails');
  private readonly poller = new DuePoller({
    everyMs: POLL_EVERY_MS,
    round: () => this.deliverDue(),
    logger: this.logger,
    doing: 'Sending missed-message emails',
  });

  constructor(
    private readonly repo: MissedMessageEmailsRepository,
    private readonly users: UsersRepository,
    private readonly realms: RealmsRepository,
    private readonly resolver: RealmResolver,
    private readonly defaults: UserSettingsDefaultsService,
    private readonly mail: MailService,
    private readonly db: Database,
    private readonly adapterHost: HttpAdapterHost,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.adapterHost.httpAdapter) return;
    this.poller.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.poller.stop();
  }

  /** Mails every batch due now; resolves with how many batches were handled. */
  async deliverDue(): Promise<number> {
    let handled = 0;
    while (await this.deliverOneBatch()) handled++;
    return handled;
  }

  private async deliverOneBatch(): Promise<boolean> {
    let userId: number | undefined;
    try {
      return await this.db.transaction(async () => {
        const batch = await this.repo.claimDueBatch();
        if (!batch) return false;
        userId = batch.userId;
        await this.mailBatch(batch.userId, batch.rows);
        return true;
      });
    } catch (err) {
      if (userId === undefined) throw err;
      this.logger.error(
        `Missed-message email to user ${userId} failed, retrying in ${RETRY_AFTER_SECONDS}s: ${(err as Error).message}`,
      );
      await this.repo.postpone(userId, RETRY_AFTER_SECONDS);
      return true;
    }
  }

  private async mailBatch(
    userId: number,
    claimed: Array<{ message_id: string; trigger: EmailTrigger }>,
  ): Promise<void> {
    const user = await this.users.findById(userId);
    if (!user || !user.is_active) return;
    const realm = await this.realms.findById(user.realm_id);
    if (!realm || realm.deactivated) return;
    const messages = await this.repo.unreadMessages(userId, claimed);
    if (messages.length === 0) return;
    const settings = await this.defaults.forUser(user);
    const policy = settings.realm_name_in_email_notifications_policy;
    const includeRealmName =
      policy === 2 ||
      (policy === 1 && (await this.repo.accountsWithAddress(user.delivery_email)) > 1);
    const dmPeople = [...new Set(messages.flatMap((m) => m.dm_user_ids ?? []))];
    const names = dmPeople.length > 0 ? await this.repo.names(dmPeople) : new Map<number, string>();
    for (const [conversation, group] of byConversation(messages, userId, names)) {
      await this.mail.send(
        composeMissedMessageEmail({
          to: user.delivery_email,
          realmName: realm.name,
          realmUrl: this.resolver.realmUrl(realm),
          includeRealmName,
          includeContent: settings.message_content_in_email_notifications === true,
          conversation,
          messages: group.map((m) => ({
            id: Number(m.id),
            senderName: m.sender_name,
            content: m.content,
            trigger: m.trigger,
          })),
        }),
      );
    }
  }
}

/** The messages grouped by conversation, in order of each conversation's first message. */
function byConversation(
  messages: MissedMessageRow[],
  userId: number,
  names: Map<number, string>,
): Array<[Conversation, MissedMessageRow[]]> {
  const groups = new Map<string, [Conversation, MissedMessageRow[]]>();
  for (const m of messages) {
    const key =
      m.stream_id !== null
        ? `s:${m.stream_id}:${m.topic.toLowerCase()}`
        : `d:${(m.dm_user_ids ?? []).join(',')}`;
    let group = groups.get(key);
    if (!group) {
      const conversation: Conversation =
        m.stream_id !== null
          ? {
              kind: 'stream',
              streamId: m.stream_id,
              streamName: m.stream_name ?? '',
              topic: m.topic,
            }
          : {
              kind: 'direct',
              userIds: m.dm_user_ids ?? [],
              otherNames: (m.dm_user_ids ?? [])
                .filter((id) => id !== userId)
                .map((id) => names.get(id) ?? ''),
            };
      group = [conversation, []];
      groups.set(key, group);
    }
    group[1].push(m);
  }
  return [...groups.values()];
}
