import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { RateLimitModule } from '../common/rate-limit.module';
import { IdentityModule } from '../identity/identity.module';
import { InvitesModule } from '../invites/invites.module';
import { MailModule } from '../mail/mail.module';
import { SessionsModule } from '../sessions/sessions.module';
import { UsersModule } from '../users/users.module';
import { AccountsController } from './accounts.controller';
import { ExternalLoginService } from './external-login.service';
import { LoginController } from './login.controller';
import { OidcController } from './oidc.controller';
import { OidcService } from './oidc.service';
import { PasswordResetService } from './password-reset.service';
import { SignupController } from './signup.controller';
import { SsoController } from './sso.controller';

/**
 * The web client at `/` and its sign-in pages: password, sign-up (also through invitation links),
 * reset, remote-user SSO, OIDC.
 */
@Module({
  imports: [
    IdentityModule,
    AuthModule,
    SessionsModule,
    InvitesModule,
    MailModule,
    RateLimitModule,
    UsersModule,
  ],
  controllers: [
    LoginController,
    AccountsController,
    SignupController,
    SsoController,
    OidcController,
  ],
  providers: [PasswordResetService, ExternalLoginService, OidcService],
})
export class WebModule {}
