import { Module } from '@nestjs/common';
import { EventPublisherModule } from '../event-publisher/event-publisher.module';
import { IdentityModule } from '../identity/identity.module';
import { ProfileFieldsController } from './profile-fields.controller';
import { ProfileFieldsRepository } from './profile-fields.repository';
import { ProfileFieldsService } from './profile-fields.service';

/** `/realm/profile_fields` and users' values for them (`profile_data`). */
@Module({
  imports: [IdentityModule, EventPublisherModule],
  controllers: [ProfileFieldsController],
  providers: [ProfileFieldsRepository, ProfileFieldsService],
  exports: [ProfileFieldsService],
})
export class ProfileFieldsModule {}
