import { Controller, HttpCode, Post } from '@nestjs/common';
import { Params } from '../common/params';
import { CurrentUser, HumanUsersOnly } from '../identity/identity.decorators';
import type { User } from '../identity/user.types';
import { TestNotificationDto } from './dto/push-device.dto';
import { PushDevicesService } from './push-devices.service';

/** Zulip's apps call these for their user; bots are refused, as Zulip does. */
@HumanUsersOnly()
@Controller('api/v1/mobile_push')
export class MobilePushController {
  constructor(private readonly devices: PushDevicesService) {}

  /** Zulip's `POST /mobile_push/test_notification` (also reached as `/mobile_push/test`). */
  @Post(['test_notification', 'test'])
  @HttpCode(200)
  async test(@CurrentUser() user: User, @Params(TestNotificationDto) p: TestNotificationDto) {
    await this.devices.sendTest(user, p.token);
    return {};
  }
}
