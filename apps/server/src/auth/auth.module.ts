import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { RateLimiter } from '../common/rate-limiter';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { Authenticator } from './authenticator';

@Global()
@Module({
  controllers: [AuthController],
  providers: [AuthService, Authenticator, RateLimiter, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [AuthService, Authenticator, RateLimiter],
})
export class AuthModule {}
