import { Module } from '@nestjs/common';
import { EventPublisherModule } from '../event-publisher/event-publisher.module';
import { IdentityModule } from '../identity/identity.module';
import { UserSettingsDefaultsController } from './user-settings-defaults.controller';
import { UserSettingsDefaultsRepository } from './user-settings-defaults.repository';
import { UserSettingsDefaultsService } from './user-settings-defaults.service';

/** `PATCH /realm/user_settings_defaults`: the settings a realm gives its new users. */
@Module({
  imports: [IdentityModule, EventPublisherModule],
  controllers: [UserSettingsDefaultsController],
  providers: [UserSettingsDefaultsRepository, UserSettingsDefaultsService],
  exports: [UserSettingsDefaultsService],
})
export class UserSettingsDefaultsModule {}
