import { Module } from '@nestjs/common';
import { AlertWordsModule } from '../../alert-words/alert-words.module';
import { IdentityModule } from '../../identity/identity.module';
import { LinkifiersModule } from '../../linkifiers/linkifiers.module';
import { UserGroupsModule } from '../../user-groups/user-groups.module';
import { MutingModule } from '../../muting/muting.module';
import { DraftsModule } from '../../drafts/drafts.module';
import { ScheduledMessagesModule } from '../../scheduled-messages/scheduled-messages.module';
import { ProfileFieldsModule } from '../../profile-fields/profile-fields.module';
import { PlaygroundsModule } from '../../playgrounds/playgrounds.module';
import { UserSettingsDefaultsModule } from '../../user-settings-defaults/user-settings-defaults.module';
import { PresenceModule } from '../presence/presence.module';
import { UsersModule } from '../../users/users.module';
import { EventQueuesModule } from '../queues/event-queues.module';
import { InitialStateRepository } from './initial-state.repository';
import { InitialStateService } from './initial-state.service';
import { RegisterService } from './register.service';

/** `POST /register`: a queue plus the initial state it continues from. */
@Module({
  imports: [
    IdentityModule,
    EventQueuesModule,
    PresenceModule,
    UsersModule,
    LinkifiersModule,
    UserGroupsModule,
    MutingModule,
    DraftsModule,
    ScheduledMessagesModule,
    ProfileFieldsModule,
    PlaygroundsModule,
    UserSettingsDefaultsModule,
    AlertWordsModule,
  ],
  providers: [InitialStateRepository, InitialStateService, RegisterService],
  exports: [RegisterService],
})
export class RegistrationModule {}
