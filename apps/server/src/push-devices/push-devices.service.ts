import { Injectable } from '@nestjs/common';
import { ZulipError } from '../common/zulip-error';
import type { User } from '../identity/user.types';
import { bouncerErrorToZulip, PushBouncer } from './push-bouncer';
import { PushDevicesRepository, PushKind } from './push-devices.repository';
import { PushNotificationSender } from './push-notification-sender';
import { PushNotificationsRepository, type PushUserRow } from './push-notifications.repository';
import { basePayload } from './push-payloads';

const MAX_TOKEN_LENGTH = 4096;
const APNS_TOKEN = /^[0-9a-fA-F]+$/;
const APP_ID = /^[.a-zA-Z0-9-]+$/;

/**
 * The devices Zulip's mobile apps register at login (`/users/me/apns_device_token`,
 * `/users/me/android_gcm_reg_id`), checked as Zulip checks them and kept per user; with a push
 * bouncer configured, also registered there (the bouncer only forwards to devices it knows).
 */
@Injectable()
export class PushDevicesService {
  constructor(
    private readonly repo: PushDevicesRepository,
    private readonly bouncer: PushBouncer,
    private readonly notifications: PushNotificationsRepository,
    private readonly sender: PushNotificationSender,
  ) {}

  async add(user: User, kind: PushKind, token: string, appId?: string): Promise<void> {
    if (token === '' || token.length > MAX_TOKEN_LENGTH) {
      throw ZulipError.badRequest('Empty or invalid length token');
    }
    if (kind === PushKind.apns) {
      if (!APNS_TOKEN.test(token)) throw ZulipError.badRequest('Invalid APNS token');
      if (appId === undefined) throw ZulipError.missing('appid');
      if (!APP_ID.test(appId)) throw ZulipError.badRequest('Invalid app ID');
    }
    const iosAppId = kind === PushKind.apns ? (appId ?? null) : null;
    await this.repo.upsert(user.id, kind, token, iosAppId);
    if (!this.bouncer.configured) return;
    const identity = await this.identity(user);
    await this.atBouncer(() =>
      this.bouncer.postForm('push/register', {
        ...this.bouncer.registrant(identity),
        token,
        token_kind: kind,
        ...(iosAppId !== null ? { ios_app_id: iosAppId } : {}),
      }),
    );
  }

  async remove(user: User, kind: PushKind, token: string): Promise<void> {
    if (token === '' || token.length > MAX_TOKEN_LENGTH) {
      throw ZulipError.badRequest('Empty or invalid length token');
    }
    if (!(await this.repo.remove(user.id, kind, token))) {
      throw new ZulipError('INVALID_PUSH_DEVICE_TOKEN', 'Device not recognized');
    }
    if (!this.bouncer.configured) return;
    const identity = await this.identity(user);
    await this.atBouncer(() =>
      this.bouncer.postForm('push/unregister', {
        ...this.bouncer.registrant(identity),
        token,
        token_kind: kind,
      }),
    );
  }

  /**
   * A deactivated user's devices: forgotten here and, with a bouncer, unregistered there
   * (`push/unregister/all`, Zulip's clear_push_device_tokens) by a queued job that retries while
   * the bouncer is down. Call inside the deactivation's transaction, so both happen or neither.
   */
  async forgetAllOf(userId: number): Promise<void> {
    await this.repo.removeAllOf(userId);
    if (this.bouncer.configured) await this.notifications.scheduleUnregisterAll(userId);
  }

  /**
   * `POST /mobile_push/test_notification`: a test notification through the bouncer to the device
   * with this token, or to every device of the user.
   */
  async sendTest(user: User, token?: string): Promise<void> {
    if (!this.bouncer.configured) throw PushBouncer.notConfigured();
    const devices = await this.repo.devicesOf(user.id, token);
    if (token !== undefined && devices.length === 0) {
      throw new ZulipError('INVALID_PUSH_DEVICE_TOKEN', 'Device not recognized');
    }
    if (devices.length === 0) return;
    const identity = await this.identity(user);
    const base = basePayload(this.sender.recipient(identity));
    for (const device of devices) {
      await this.atBouncer(() =>
        this.bouncer.postJson('push/test_notification', {
          realm_uuid: identity.realm_uuid,
          user_uuid: identity.uuid,
          user_id: identity.id,
          token: device.token,
          token_kind: device.kind,
          base_payload: base,
        }),
      );
    }
  }

  private async identity(user: User): Promise<PushUserRow> {
    const identity = await this.notifications.user(user.id);
    if (!identity) throw ZulipError.unauthorized();
    return identity;
  }

  private async atBouncer(call: () => Promise<unknown>): Promise<void> {
    try {
      await call();
    } catch (err) {
      throw bouncerErrorToZulip(err);
    }
  }
}
