import { Module } from '@nestjs/common';
import { EventPublisherModule } from '../event-publisher/event-publisher.module';
import { IdentityModule } from '../identity/identity.module';
import { SystemGroupsService } from './system-groups.service';
import { UserGroupsController } from './user-groups.controller';
import { UserGroupsRepository } from './user-groups.repository';
import { UserGroupsService } from './user-groups.service';

/** User groups (`/user_groups`): members, nested subgroups and their `user_group` events. */
@Module({
  imports: [IdentityModule, EventPublisherModule],
  controllers: [UserGroupsController],
  providers: [UserGroupsRepository, UserGroupsService, SystemGroupsService],
  exports: [UserGroupsRepository, SystemGroupsService],
})
export class UserGroupsModule {}
