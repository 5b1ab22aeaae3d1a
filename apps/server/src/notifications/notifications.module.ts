import { Module } from '@nestjs/common';
import { EventQueuesModule } from '../events/queues/event-queues.module';
import { IdentityModule } from '../identity/identity.module';
import { MailModule } from '../mail/mail.module';
import { MessagesModule } from '../messages/messages.module';
import { PushDevicesModule } from '../push-devices/push-devices.module';
import { UserSettingsDefaultsModule } from '../user-settings-defaults/user-settings-defaults.module';
import { MissedMessageEmailsRepository } from './missed-message-emails.repository';
import { MissedMessageMailer } from './missed-message-mailer';
import { MissedMessageNotifier } from './missed-message-notifier.service';
import { PushRemovals } from './push-removals';

/**
 * Missed-message emails (DMs, mentions, followed streams and topics) and mobile push
 * notifications (DMs, mentions), for users away.
 */
@Module({
  imports: [
    IdentityModule,
    MessagesModule,
    EventQueuesModule,
    MailModule,
    UserSettingsDefaultsModule,
    PushDevicesModule,
  ],
  providers: [
    MissedMessageEmailsRepository,
    MissedMessageNotifier,
    MissedMessageMailer,
    PushRemovals,
  ],
  exports: [MissedMessageNotifier, MissedMessageMailer],
})
export class NotificationsModule {}
