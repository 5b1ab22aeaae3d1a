import { Controller, Get, Inject, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { AppConfig } from '@hub/config';
import { CurrentRealm, Public } from '../identity/identity.decorators';
import { assertAuthMethodEnabled } from '../realms/auth-methods';
import { ZulipError } from '../common/zulip-error';
import { APP_CONFIG } from '../config/config.module';
import type { Realm } from '../identity/realm.types';
import { SessionsService } from '../sessions/sessions.service';
import { ExternalLoginService, nameFor } from './external-login.service';
import { redirect, safeNext, sendErrorPage } from './page-response';

/**
 * Remote-user SSO: a front web server (Apache, nginx with an SSO module) authenticates the person
 * and names them in a header. Only the addresses in TRUSTED_PROXIES may do so; from anyone else the
 * header means nothing (and this page says so).
 */
@Public()
@Controller('accounts/login/sso')
export class SsoController {
  constructor(
    private readonly external: ExternalLoginService,
    private readonly sessions: SessionsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  async login(
    @CurrentRealm() realm: Realm,
    @Req() req: Request,
    @Res() res: Response,
    @Query('next') next?: string,
  ) {
    try {
      const header = this.config.web.ssoRemoteUserHeader;
      if (!header) {
        throw ZulipError.notFound('Single sign-on is not enabled on this server.');
      }
      assertAuthMethodEnabled(realm, this.config, 'RemoteUser');
      if (!this.sessions.peerIsTrustedProxy(req)) {
        throw ZulipError.forbidden(
          'Single sign-on works only through the organization’s sign-in server.',
          'UNTRUSTED_PROXY',
        );
      }
      const remoteUser = String(req.headers[header] ?? '').trim();
      if (!remoteUser) {
        throw ZulipError.unauthorized('The sign-in server did not say who you are.');
      }
      const email = this.emailFor(remoteUser);
      const cookies = await this.external.login(
        realm,
        { email, fullName: nameFor(email, undefined) },
        req,
        { createAccounts: true },
      );
      res.append('Set-Cookie', cookies);
      redirect(res, safeNext(next));
    } catch (err) {
      sendErrorPage(res, realm, 'Single sign-on', err);
    }
  }

  /** `alice` → `alice@<SSO_APPEND_DOMAIN>`; full addresses stay as they are. */
  private emailFor(remoteUser: string): string {
    if (remoteUser.includes('@')) return remoteUser;
    const domain = this.config.web.ssoAppendDomain;
    if (!domain) {
      throw ZulipError.badRequest(
        `The sign-in server named "${remoteUser}", which is not an email address (set SSO_APPEND_DOMAIN).`,
      );
    }
    return `${remoteUser}@${domain}`;
  }
}
