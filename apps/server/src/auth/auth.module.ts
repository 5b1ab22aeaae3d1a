import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { RateLimitModule } from '../common/rate-limit.module';
import { IdentityModule } from '../identity/identity.module';
import { SessionsModule } from '../sessions/sessions.module';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { Authenticator } from './authenticator';

/** Password login and the API's authentication rules (the global guard, the long-poll path). */
@Module({
  imports: [IdentityModule, RateLimitModule, SessionsModule],
  controllers: [AuthController],
  providers: [AuthService, Authenticator, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [AuthService, Authenticator],
})
export class AuthModule {}
