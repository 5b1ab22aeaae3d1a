import { Module } from '@nestjs/common';
import { EventPublisherModule } from '../event-publisher/event-publisher.module';
import { AlertWordsController } from './alert-words.controller';
import { AlertWordsRepository } from './alert-words.repository';
import { AlertWordsService } from './alert-words.service';

/** `/users/me/alert_words` and the `alert_words` event. */
@Module({
  imports: [EventPublisherModule],
  controllers: [AlertWordsController],
  providers: [AlertWordsRepository, AlertWordsService],
  exports: [AlertWordsRepository],
})
export class AlertWordsModule {}
