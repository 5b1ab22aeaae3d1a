import { Controller, Get, Inject, Query, Req, Res } from '@nestjs/common';
import type { AppConfig } from '@hub/config';
import { APP_CONFIG } from '../config/config.module';
import { assertAuthMethodEnabled } from '../realms/auth-methods';
import type { Request, Response } from 'express';
import { CurrentRealm, Public } from '../identity/identity.decorators';
import { ZulipError } from '../common/zulip-error';
import type { Realm } from '../identity/realm.types';
import { cookieHeader, readCookies } from '../sessions/session-cookies';
import { SessionsService } from '../sessions/sessions.service';
import { ExternalLoginService, nameFor } from './external-login.service';
import { OidcPending, OidcService } from './oidc.service';
import { redirect, safeNext, sendErrorPage } from './page-response';

const PENDING_COOKIE = 'oidc_pending';
const CALLBACK_PATH = '/accounts/login/oidc/callback';

/** `/accounts/login/oidc/`: off to the provider; `…/callback`: back, verified, signed in. */
@Public()
@Controller('accounts/login/oidc')
export class OidcController {
  constructor(
    private readonly oidc: OidcService,
    private readonly external: ExternalLoginService,
    private readonly sessions: SessionsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  async start(
    @CurrentRealm() realm: Realm,
    @Req() req: Request,
    @Res() res: Response,
    @Query('next') next?: string,
  ) {
    try {
      assertAuthMethodEnabled(realm, this.config, 'OpenID Connect');
      const { url, pending } = await this.oidc.start(this.callbackUrl(req), safeNext(next));
      res.append(
        'Set-Cookie',
        cookieHeader(PENDING_COOKIE, JSON.stringify(pending), {
          httpOnly: true,
          secure: this.sessions.isSecure(req),
          maxAge: 600,
        }),
      );
      redirect(res, url);
    } catch (err) {
      sendErrorPage(res, realm, 'Log in', err);
    }
  }

  @Get('callback')
  async callback(@CurrentRealm() realm: Realm, @Req() req: Request, @Res() res: Response) {
    // The pending state is good for one try, whatever its outcome.
    res.append(
      'Set-Cookie',
      cookieHeader(PENDING_COOKIE, '', {
        httpOnly: true,
        secure: this.sessions.isSecure(req),
        maxAge: 0,
      }),
    );
    try {
      assertAuthMethodEnabled(realm, this.config, 'OpenID Connect');
      const pending = parsePending(readCookies(req).get(PENDING_COOKIE));
      const here = new URL(req.originalUrl, this.callbackUrl(req));
      const identity = await this.oidc.finish(here, pending);
      const cookies = await this.external.login(
        realm,
        { email: identity.email, fullName: nameFor(identity.email, identity.name) },
        req,
        { createAccounts: this.oidc.autoSignup },
      );
      res.append('Set-Cookie', cookies);
      redirect(res, safeNext(pending.next));
    } catch (err) {
      sendErrorPage(res, realm, 'Log in', err);
    }
  }

  /** This host's callback: sessions are bound to the host, so the browser must come back here. */
  private callbackUrl(req: Request): string {
    const scheme = this.sessions.isSecure(req) ? 'https' : 'http';
    return `${scheme}://${req.headers.host}${CALLBACK_PATH}`;
  }
}

function parsePending(raw: string | undefined): OidcPending {
  try {
    const value = JSON.parse(raw ?? '') as Partial<OidcPending>;
    if (
      typeof value.state === 'string' &&
      typeof value.nonce === 'string' &&
      typeof value.verifier === 'string' &&
      typeof value.next === 'string'
    ) {
      return value as OidcPending;
    }
  } catch {
    // Falls through to the error below.
  }
  throw ZulipError.badRequest(
    'This sign-in took too long or was started elsewhere. Please try again.',
  );
}
