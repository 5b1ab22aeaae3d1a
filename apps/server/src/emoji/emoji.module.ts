import { Module } from '@nestjs/common';
import { EventPublisherModule } from '../event-publisher/event-publisher.module';
import { UploadsModule } from '../uploads/uploads.module';
import { RealmEmojiController } from './realm-emoji.controller';
import { RealmEmojiRepository } from './realm-emoji.repository';
import { RealmEmojiService } from './realm-emoji.service';

/** Realm custom emoji: listing, uploads and deactivation. */
@Module({
  imports: [EventPublisherModule, UploadsModule],
  controllers: [RealmEmojiController],
  providers: [RealmEmojiRepository, RealmEmojiService],
  exports: [RealmEmojiRepository],
})
export class EmojiModule {}
