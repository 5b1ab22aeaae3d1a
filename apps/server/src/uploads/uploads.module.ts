import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { RateLimitModule } from '../common/rate-limit.module';
import { EventPublisherModule } from '../event-publisher/event-publisher.module';
import { IdentityModule } from '../identity/identity.module';
import { SessionsModule } from '../sessions/sessions.module';
import { AttachmentsRepository } from './attachments.repository';
import { AvatarsController } from './avatars.controller';
import { AvatarsService } from './avatars.service';
import { FilesController } from './files.controller';
import { Thumbnailer } from './thumbnailer';
import { UploadCleanup } from './upload-cleanup';
import { UploadStorage } from './upload-storage';
import { UploadsController } from './uploads.controller';
import { UploadsService } from './uploads.service';

/** Uploaded files, their access rule and cleanup, thumbnails, and avatars. */
@Module({
  imports: [IdentityModule, EventPublisherModule, RateLimitModule, SessionsModule, AuthModule],
  controllers: [UploadsController, AvatarsController, FilesController],
  providers: [
    AttachmentsRepository,
    UploadStorage,
    UploadsService,
    Thumbnailer,
    UploadCleanup,
    AvatarsService,
  ],
  exports: [UploadsService, UploadStorage],
})
export class UploadsModule {}
