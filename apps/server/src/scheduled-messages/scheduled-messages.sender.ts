import { DuePoller } from '../database/due-poller';
import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { ZulipError } from '../common/zulip-error';
import { Database } from '../database/database.service';
import { EventPublisher } from '../event-publisher/event-publisher';
import { RealmsRepository } from '../identity/realms.repository';
import { UsersRepository } from '../identity/users.repository';
import { MessageSendService } from '../messages/message-send.service';
import { ScheduledMessageRow, ScheduledMessagesRepository } from './scheduled-messages.repository';
import { ScheduledMessagesService } from './scheduled-messages.service';

/** How often each server process looks for messages whose time has come. */
const POLL_EVERY_MS = 1_000;

type Outcome = 'none' | 'sent' | 'failed';

/**
 * Sends scheduled messages at their time. The database is the job queue: each message is claimed
 * in the same transaction that sends it, so a restart neither loses one (an unsent claim rolls
 * back) nor sends one twice (a committed claim is final), and with several server processes only
 * one sends each. Runs at start (messages that fell due while the server was down) and then
 * every second; only in the server, not in `npm run manage`.
 */
@Injectable()
export class ScheduledMessagesSender implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('ScheduledMessages');
  private readonly poller = new DuePoller({
    everyMs: POLL_EVERY_MS,
    round: () => this.deliverDue(),
    logger: this.logger,
    doing: 'Sending scheduled messages',
  });

  constructor(
    private readonly repo: ScheduledMessagesRepository,
    private readonly service: ScheduledMessagesService,
    private readonly sender: MessageSendService,
    private readonly users: UsersRepository,
    private readonly realms: RealmsRepository,
    private readonly events: EventPublisher,
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

  /** Sends everything due now; resolves with how many were handled (sent or failed). */
  async deliverDue(): Promise<number> {
    let handled = 0;
    while ((await this.deliverOne()) !== 'none') handled++;
    return handled;
  }

  private async deliverOne(): Promise<Outcome> {
    let claimed: ScheduledMessageRow | undefined;
    try {
      return await this.db.transaction(async () => {
        claimed = await this.repo.claimDue();
        if (!claimed) return 'none';
        await this.send(claimed);
        await this.events.toUsers([claimed.sender_id], {
          type: 'scheduled_messages',
          op: 'remove',
          scheduled_message_id: claimed.id,
        });
        return 'sent';
      });
    } catch (err) {
      const row = claimed;
      if (!row) throw err;
      // The claim rolled back with the send: record why it failed instead, as Zulip does.
      if (!(err instanceof ZulipError)) {
        this.logger.error(`Scheduled message ${row.id} failed: ${(err as Error).message}`);
      }
      const reason = err instanceof ZulipError ? err.message : 'Internal server error';
      await this.db.transaction(async () => {
        const failed = await this.repo.markFailed(row.id, reason);
        if (failed) await this.service.announceFailure(failed);
      });
      return 'failed';
    }
  }

  /** Sends as its owner, under the rules of the moment (the stream may be gone, rights lost). */
  private async send(row: ScheduledMessageRow): Promise<void> {
    const [user, realm] = await Promise.all([
      this.users.findById(row.sender_id),
      this.realms.findById(row.realm_id),
    ]);
    if (!user || !user.is_active || !realm || realm.deactivated) {
      throw ZulipError.badRequest('Account is deactivated');
    }
    await this.sender.send(user, realm, {
      type: row.type,
      to: row.type === 'stream' ? row.stream_id : row.user_ids,
      topic: row.topic,
      content: row.content,
      client: row.sending_client,
      readBySender: row.read_by_sender ?? undefined,
    });
  }
}
