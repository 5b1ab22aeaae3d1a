import { Module } from '@nestjs/common';
import { RealmEmojiController } from './realm-emoji.controller';
import { RealmEmojiRepository } from './realm-emoji.repository';

/** Realm custom emoji: listing (uploads arrive with the uploads module). */
@Module({
  controllers: [RealmEmojiController],
  providers: [RealmEmojiRepository],
  exports: [RealmEmojiRepository],
})
export class EmojiModule {}
