import { Module } from '@nestjs/common';
import { EventPublisherModule } from '../event-publisher/event-publisher.module';
import { IdentityModule } from '../identity/identity.module';
import { ProfileFieldsModule } from '../profile-fields/profile-fields.module';
import { PushDevicesModule } from '../push-devices/push-devices.module';
import { RealmsModule } from '../realms/realms.module';
import { SessionsModule } from '../sessions/sessions.module';
import { StreamsModule } from '../streams/streams.module';
import { UserSettingsDefaultsModule } from '../user-settings-defaults/user-settings-defaults.module';
import { UserGroupsModule } from '../user-groups/user-groups.module';
import { MailModule } from '../mail/mail.module';
import { RateLimitModule } from '../common/rate-limit.module';
import { EmailChangeRepository } from './email-change.repository';
import { EmailChangeService } from './email-change.service';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

/** Accounts: creation, roles, deactivation, own settings. */
@Module({
  imports: [
    IdentityModule,
    EventPublisherModule,
    RealmsModule,
    StreamsModule,
    SessionsModule,
    ProfileFieldsModule,
    UserSettingsDefaultsModule,
    UserGroupsModule,
    MailModule,
    RateLimitModule,
    PushDevicesModule,
  ],
  controllers: [UsersController],
  providers: [UsersService, EmailChangeRepository, EmailChangeService],
  exports: [UsersService, EmailChangeService],
})
export class UsersModule {}
