import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR } from '@nestjs/core';
import type { AppConfig } from '@hub/config';
import { AuthModule } from './auth/auth.module';
import { EventPublisherModule } from './event-publisher/event-publisher.module';
import { IdentityModule } from './identity/identity.module';
import { BotsModule } from './bots/bots.module';
import { InvitesModule } from './invites/invites.module';
import { MailModule } from './mail/mail.module';
import { EnvelopeInterceptor } from './common/envelope.interceptor';
import { ZulipExceptionFilter } from './common/zulip-exception.filter';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { RealmsModule } from './realms/realms.module';
import { RedisModule } from './redis/redis.module';
import { UsersModule } from './users/users.module';
import { StreamsModule } from './streams/streams.module';
import { LinkifiersModule } from './linkifiers/linkifiers.module';
import { BotStorageModule } from './bot-storage/bot-storage.module';
import { EmojiModule } from './emoji/emoji.module';
import { UploadsModule } from './uploads/uploads.module';
import { MessagesModule } from './messages/messages.module';
import { UserGroupsModule } from './user-groups/user-groups.module';
import { AlertWordsModule } from './alert-words/alert-words.module';
import { MutingModule } from './muting/muting.module';
import { DraftsModule } from './drafts/drafts.module';
import { ProfileFieldsModule } from './profile-fields/profile-fields.module';
import { PlaygroundsModule } from './playgrounds/playgrounds.module';
import { BridgesModule } from './bridges/bridges.module';
import { UserSettingsDefaultsModule } from './user-settings-defaults/user-settings-defaults.module';
import { ScheduledMessagesModule } from './scheduled-messages/scheduled-messages.module';
import { EventsModule } from './events/events.module';
import { NotificationsModule } from './notifications/notifications.module';
import { PushDevicesModule } from './push-devices/push-devices.module';
import { BotRuntimesModule } from './bot-runtimes/bot-runtimes.module';
import { RealmExportModule } from './realm-export/realm-export.module';
import { HealthModule } from './health/health.module';
import { MetricsModule } from './metrics/metrics.module';
import { SessionsModule } from './sessions/sessions.module';
import { WebModule } from './web/web.module';
import { CallsModule } from './calls/calls.module';
import { WebhookDeliveriesModule } from './webhook-deliveries/webhook-deliveries.module';
import { EmailGatewayModule } from './email-gateway/email-gateway.module';

/** The ground floor, then feature modules in dependency order (each imports only earlier ones). */
const FEATURES = [
  IdentityModule,
  EventPublisherModule,
  ProfileFieldsModule,
  SessionsModule,
  AuthModule,
  StreamsModule,
  RealmsModule,
  UsersModule,
  MailModule,
  BotsModule,
  InvitesModule,
  LinkifiersModule,
  PlaygroundsModule,
  BridgesModule,
  UserSettingsDefaultsModule,
  BotStorageModule,
  UploadsModule,
  EmojiModule,
  MessagesModule,
  UserGroupsModule,
  AlertWordsModule,
  MutingModule,
  DraftsModule,
  ScheduledMessagesModule,
  EmailGatewayModule,
  EventsModule,
  NotificationsModule,
  PushDevicesModule,
  RealmExportModule,
  BotRuntimesModule,
  WebhookDeliveriesModule,
  CallsModule,
  WebModule,
  HealthModule,
  MetricsModule,
];

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [ConfigModule.forRoot(config), DatabaseModule, RedisModule, ...FEATURES],
      providers: [
        { provide: APP_FILTER, useClass: ZulipExceptionFilter },
        { provide: APP_INTERCEPTOR, useClass: EnvelopeInterceptor },
      ],
    };
  }
}
