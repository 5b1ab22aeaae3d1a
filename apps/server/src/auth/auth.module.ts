import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { RateLimiter } from '../common/rate-limiter';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';

@Global()
@Module({
  controllers: [AuthController],
  providers: [AuthService, RateLimiter, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [AuthService, RateLimiter],
})
export class AuthModule {}
