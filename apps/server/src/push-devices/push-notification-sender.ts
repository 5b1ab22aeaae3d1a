import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnModuleDestroy,
} from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { AppConfig } from '@hub/config';
import { APP_CONFIG } from '../config/config.module';
import { Database } from '../database/database.service';
import { DuePoller } from '../database/due-poller';
import { avatarUrl } from '../identity/user-presenter';
import { RealmResolver } from '../identity/realm-resolver.service';
import { BouncerRefusedError, PushBouncer } from './push-bouncer';
import { PushDevicesRepository, PushKind } from './push-devices.repository';
import {
  PushNotificationsRepository,
  type PushMessageRow,
  type PushUserRow,
  type QueuedPush,
} from './push-notifications.repository';
import {
  messagePayloads,
  removePayloads,
  type JsonObject,
  type PushMessage,
  type PushPayloads,
  type PushRecipient,
} from './push-payloads';

/** How often each server process looks for notifications to post. */
const POLL_EVERY_MS = 1_000;
/** Attempts per notification before it is given up (about an hour of a bouncer down). */
export const MAX_ATTEMPTS = 20;

/** The wait before attempt `attempts + 1`: 1 s, 2 s, 4 s… up to 5 minutes. */
export function retryDelaySeconds(attempts: number): number {
  return Math.min(2 ** attempts, 300);
}

/**
 * Posts the queued push notifications to the bouncer (`push/notify`): a notification is claimed
 * in the transaction that posts it, so a restart neither loses nor repeats it; a bouncer that is
 * down or failing (5xx) gets it again later, with a growing wait; one it refuses (4xx) is
 * dropped. A message read or deleted meanwhile is not notified. Only in the server, and only
 * when push notifications are configured.
 */
@Injectable()
export class PushNotificationSender implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('PushNotifications');
  private readonly poller = new DuePoller({
    everyMs: POLL_EVERY_MS,
    round: () => this.deliverDue(),
    logger: this.logger,
    doing: 'Sending push notifications',
  });

  constructor(
    private readonly repo: PushNotificationsRepository,
    private readonly devices: PushDevicesRepository,
    private readonly bouncer: PushBouncer,
    private readonly resolver: RealmResolver,
    private readonly db: Database,
    private readonly adapterHost: HttpAdapterHost,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.adapterHost.httpAdapter || !this.bouncer.configured) return;
    this.poller.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.poller.stop();
  }

  /** Posts every notification due now; resolves with how many were handled. */
  async deliverDue(): Promise<number> {
    let handled = 0;
    while (await this.deliverOne()) handled++;
    return handled;
  }

  private async deliverOne(): Promise<boolean> {
    let claimed: QueuedPush | undefined;
    try {
      return await this.db.transaction(async () => {
        claimed = await this.repo.claimDue();
        if (!claimed) return false;
        await this.post(claimed);
        return true;
      });
    } catch (err) {
      if (!claimed) throw err;
      const why = (err as Error).message;
      if (err instanceof BouncerRefusedError || claimed.attempts + 1 >= MAX_ATTEMPTS) {
        this.logger.error(`Push notification to user ${claimed.user_id} given up: ${why}`);
        await this.repo.drop(claimed.id);
      } else {
        const delay = retryDelaySeconds(claimed.attempts);
        this.logger.warn(
          `Push notification to user ${claimed.user_id} failed, retrying in ${delay}s: ${why}`,
        );
        await this.repo.postpone(claimed.id, delay);
      }
      return true;
    }
  }

  private async post(queued: QueuedPush): Promise<void> {
    const user = await this.repo.user(queued.user_id);
    if (user && queued.event === 'unregister_all') {
      await this.bouncer.postForm('push/unregister/all', this.bouncer.registrant(user));
      return;
    }
    if (!user || !user.is_active || user.realm_deactivated) return;
    const devices = await this.devices.devicesOf(user.id);
    if (devices.length === 0) return;
    const to = this.recipient(user);
    let payloads: PushPayloads;
    if (queued.event === 'message') {
      const message = await this.repo.unreadMessage(user.id, queued.message_ids[0]);
      if (!message || !queued.trigger) return;
      payloads = messagePayloads(to, this.pushMessage(message, to), queued.trigger);
    } else {
      payloads = removePayloads(to, queued.message_ids.map(Number));
    }
    const answer = await this.bouncer.postJson('push/notify', {
      user_uuid: user.uuid,
      // Registrations made before user_uuid existed are keyed by user_id.
      user_id: user.id,
      realm_uuid: user.realm_uuid,
      apns_payload: payloads.apns,
      gcm_payload: payloads.gcm,
      gcm_options: payloads.gcmOptions,
      android_devices: devices.filter((d) => d.kind === PushKind.fcm).map((d) => d.token),
      apple_devices: devices.filter((d) => d.kind === PushKind.apns).map((d) => d.token),
    });
    await this.forgetDeleted(answer);
    if (queued.event === 'message') await this.repo.markNotified(user.id, queued.message_ids[0]);
  }

  /** Devices the bouncer reports as gone (the app was uninstalled) are forgotten here too. */
  private async forgetDeleted(answer: JsonObject): Promise<void> {
    const deleted = answer.deleted_devices;
    if (typeof deleted !== 'object' || deleted === null || Array.isArray(deleted)) return;
    const tokens = (list: unknown) =>
      Array.isArray(list) ? list.filter((t): t is string => typeof t === 'string') : [];
    await this.devices.removeTokens(PushKind.fcm, tokens(deleted.android_devices));
    await this.devices.removeTokens(PushKind.apns, tokens(deleted.apple_devices));
  }

  recipient(user: PushUserRow): PushRecipient {
    return {
      server: this.config.externalHost,
      userId: user.id,
      realmId: user.realm_id,
      realmUrl: this.resolver.realmUrl({ string_id: user.realm_string_id }),
      realmName: user.realm_name,
    };
  }

  private pushMessage(row: PushMessageRow, to: PushRecipient): PushMessage {
    const avatar = avatarUrl({
      id: row.sender_id,
      realm_id: row.sender_realm_id,
      avatar_source: row.sender_avatar_source,
      avatar_version: row.sender_avatar_version,
      delivery_email: row.sender_delivery_email,
    });
    return {
      id: Number(row.id),
      senderId: row.sender_id,
      senderEmail: row.sender_email,
      senderFullName: row.sender_full_name,
      senderAvatarUrl: avatar.startsWith('/') ? `${to.realmUrl}${avatar}` : avatar,
      time: row.time,
      renderedContent: row.rendered_content,
      stream:
        row.stream_id !== null
          ? { id: row.stream_id, name: row.stream_name ?? '', topic: row.topic }
          : null,
      dm:
        row.dm_user_ids !== null
          ? { userIds: row.dm_user_ids, fullNames: row.dm_full_names ?? [] }
          : null,
    };
  }
}
