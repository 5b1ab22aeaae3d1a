import { Module } from '@nestjs/common';
import { InvitesModule } from '../invites/invites.module';
import { AccountsController } from './accounts.controller';
import { ExternalLoginService } from './external-login.service';
import { LoginController } from './login.controller';
import { OidcController } from './oidc.controller';
import { OidcService } from './oidc.service';
import { PasswordResetService } from './password-reset.service';
import { SsoController } from './sso.controller';

/** The web client at `/` and its sign-in pages: password, sign-up, reset, remote-user SSO, OIDC. */
@Module({
  imports: [InvitesModule],
  controllers: [LoginController, AccountsController, SsoController, OidcController],
  providers: [PasswordResetService, ExternalLoginService, OidcService],
})
export class WebModule {}
