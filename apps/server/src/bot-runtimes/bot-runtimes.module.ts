import { MetricsModule } from '../metrics/metrics.module';
import { Module } from '@nestjs/common';
import { BotStorageModule } from '../bot-storage/bot-storage.module';
import { RateLimitModule } from '../common/rate-limit.module';
import { IdentityModule } from '../identity/identity.module';
import { MessagesModule } from '../messages/messages.module';
import { botJobQueueProvider } from './bot-job-queue.provider';
import { BotMessenger } from './bot-messenger.service';
import { BOT_RUNTIME_SETTINGS, DEFAULT_BOT_RUNTIME_SETTINGS } from './bot-runtime.settings';
import { BotRuntimesRepository } from './bot-runtimes.repository';
import { EmbeddedBots } from './embedded-bots.service';
import { OutgoingWebhookCaller } from './outgoing-webhook.caller';
import { ServiceBotDispatcher } from './service-bot.dispatcher';
import { ServiceBotWorker } from './service-bot.worker';

/** Outgoing-webhook and embedded bots: what runs when a message mentions or DMs them. */
@Module({
  imports: [IdentityModule, RateLimitModule, MessagesModule, BotStorageModule, MetricsModule],
  providers: [
    { provide: BOT_RUNTIME_SETTINGS, useFactory: () => ({ ...DEFAULT_BOT_RUNTIME_SETTINGS }) },
    botJobQueueProvider,
    BotRuntimesRepository,
    BotMessenger,
    OutgoingWebhookCaller,
    EmbeddedBots,
    ServiceBotWorker,
    ServiceBotDispatcher,
  ],
  exports: [ServiceBotDispatcher],
})
export class BotRuntimesModule {}
