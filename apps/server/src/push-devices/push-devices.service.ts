import { Injectable } from '@nestjs/common';
import { ZulipError } from '../common/zulip-error';
import type { User } from '../identity/user.types';
import { PushDevicesRepository, PushKind } from './push-devices.repository';

const MAX_TOKEN_LENGTH = 4096;
const APNS_TOKEN = /^[0-9a-fA-F]+$/;
const APP_ID = /^[.a-zA-Z0-9-]+$/;

/**
 * The devices Zulip's mobile apps register at login (`/users/me/apns_device_token`,
 * `/users/me/android_gcm_reg_id`), checked as Zulip checks them and kept per user.
 */
@Injectable()
export class PushDevicesService {
  constructor(private readonly repo: PushDevicesRepository) {}

  async add(user: User, kind: PushKind, token: string, appId?: string): Promise<void> {
    if (token === '' || token.length > MAX_TOKEN_LENGTH) {
      throw ZulipError.badRequest('Empty or invalid length token');
    }
    if (kind === PushKind.apns) {
      if (!APNS_TOKEN.test(token)) throw ZulipError.badRequest('Invalid APNS token');
      if (appId === undefined) throw ZulipError.missing('appid');
      if (!APP_ID.test(appId)) throw ZulipError.badRequest('Invalid app ID');
    }
    await this.repo.upsert(user.id, kind, token, kind === PushKind.apns ? (appId ?? null) : null);
  }

  async remove(user: User, kind: PushKind, token: string): Promise<void> {
    if (token === '' || token.length > MAX_TOKEN_LENGTH) {
      throw ZulipError.badRequest('Empty or invalid length token');
    }
    if (!(await this.repo.remove(user.id, kind, token))) {
      throw new ZulipError('INVALID_PUSH_DEVICE_TOKEN', 'Device not recognized');
    }
  }
}
