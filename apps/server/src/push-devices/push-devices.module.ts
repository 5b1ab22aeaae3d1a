import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity/identity.module';
import { MobilePushController } from './mobile-push.controller';
import { PushBouncer } from './push-bouncer';
import { PushDevicesController } from './push-devices.controller';
import { PushDevicesRepository } from './push-devices.repository';
import { PushDevicesService } from './push-devices.service';
import { PushNotificationSender } from './push-notification-sender';
import { PushNotificationsRepository } from './push-notifications.repository';

/**
 * Mobile push notifications: the devices Zulip's apps register, and the notifications posted for
 * them to Zulip's push bouncer (PUSH_NOTIFICATION_BOUNCER_URL; unset: devices are only stored).
 */
@Module({
  imports: [IdentityModule],
  controllers: [PushDevicesController, MobilePushController],
  providers: [
    PushDevicesRepository,
    PushDevicesService,
    PushBouncer,
    PushNotificationsRepository,
    PushNotificationSender,
  ],
  exports: [PushBouncer, PushDevicesRepository, PushDevicesService, PushNotificationsRepository],
})
export class PushDevicesModule {}
