import { Module } from '@nestjs/common';
import { EventQueuesModule } from '../events/queues/event-queues.module';
import { IdentityModule } from '../identity/identity.module';
import { MailModule } from '../mail/mail.module';
import { MessagesModule } from '../messages/messages.module';
import { UserSettingsDefaultsModule } from '../user-settings-defaults/user-settings-defaults.module';
import { MissedMessageEmailsRepository } from './missed-message-emails.repository';
import { MissedMessageMailer } from './missed-message-mailer';
import { MissedMessageNotifier } from './missed-message-notifier.service';

/** Missed-message emails: DMs, mentions and followed streams and topics, for users away. */
@Module({
  imports: [
    IdentityModule,
    MessagesModule,
    EventQueuesModule,
    MailModule,
    UserSettingsDefaultsModule,
  ],
  providers: [MissedMessageEmailsRepository, MissedMessageNotifier, MissedMessageMailer],
  exports: [MissedMessageNotifier, MissedMessageMailer],
})
export class NotificationsModule {}
