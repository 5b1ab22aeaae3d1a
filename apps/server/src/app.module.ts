import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR } from '@nestjs/core';
import type { AppConfig } from '../../../libs/config/src/config';
import { AuthModule } from './auth/auth.module';
import { EnvelopeInterceptor } from './common/envelope.interceptor';
import { ZulipExceptionFilter } from './common/zulip-exception.filter';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { RealmsModule } from './realms/realms.module';
import { RedisModule } from './redis/redis.module';
import { UsersModule } from './users/users.module';

/** Feature modules, in dependency order. */
const FEATURES = [RealmsModule, UsersModule, AuthModule];

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
