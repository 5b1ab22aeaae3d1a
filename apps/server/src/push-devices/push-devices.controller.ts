import { Controller, Delete, HttpCode, Post } from '@nestjs/common';
import { Params } from '../common/params';
import { CurrentUser, HumanUsersOnly } from '../identity/identity.decorators';
import type { User } from '../identity/user.types';
import { ApnsTokenDto, PushTokenDto } from './dto/push-device.dto';
import { PushKind } from './push-devices.repository';
import { PushDevicesService } from './push-devices.service';

/** Zulip's apps call these for their user; bots are refused, as Zulip does. */
@HumanUsersOnly()
@Controller('api/v1/users/me')
export class PushDevicesController {
  constructor(private readonly devices: PushDevicesService) {}

  @Post('apns_device_token')
  @HttpCode(200)
  async addApns(@CurrentUser() user: User, @Params(ApnsTokenDto) p: ApnsTokenDto) {
    await this.devices.add(user, PushKind.apns, p.token, p.appid);
    return {};
  }

  @Delete('apns_device_token')
  async removeApns(@CurrentUser() user: User, @Params(PushTokenDto) p: PushTokenDto) {
    await this.devices.remove(user, PushKind.apns, p.token);
    return {};
  }

  @Post('android_gcm_reg_id')
  @HttpCode(200)
  async addFcm(@CurrentUser() user: User, @Params(PushTokenDto) p: PushTokenDto) {
    await this.devices.add(user, PushKind.fcm, p.token);
    return {};
  }

  @Delete('android_gcm_reg_id')
  async removeFcm(@CurrentUser() user: User, @Params(PushTokenDto) p: PushTokenDto) {
    await this.devices.remove(user, PushKind.fcm, p.token);
    return {};
  }
}
