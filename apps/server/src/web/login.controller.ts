import { Controller, Get, Inject, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { AppConfig } from '@hub/config';
import { CurrentRealm, Public } from '../identity/identity.decorators';
import { AuthService } from '../auth/auth.service';
import { ParamsRequest, parseParams } from '../common/params';
import { ZulipError } from '../common/zulip-error';
import { APP_CONFIG } from '../config/config.module';
import type { Realm } from '../identity/realm.types';
import { CSRF_HEADER } from '../sessions/session-cookies';
import { sameSecret, SessionsService } from '../sessions/sessions.service';
import { LoginFormDto, LogoutFormDto } from './dto/forms.dto';
import { formCsrfToken, formCsrfValid } from './form-csrf';
import { redirect, safeNext, sendClientPage, sendErrorPage, sendHtml } from './page-response';
import { loginPage, logoutPage } from './pages';
import { realmAuthMethods } from '../realms/auth-methods';

/** `/` (the client), `/login/` and `/logout/`. */
@Public()
@Controller()
export class LoginController {
  constructor(
    private readonly auth: AuthService,
    private readonly sessions: SessionsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The client for a signed-in person; everyone else goes to the login page. */
  @Get()
  async client(@CurrentRealm() realm: Realm, @Req() req: Request, @Res() res: Response) {
    if (!(await this.sessions.resolve(req, realm))) return redirect(res, '/login/');
    sendClientPage(res, realm, { href: '/logout/', text: 'Log out' });
  }

  @Get('login')
  async loginForm(
    @CurrentRealm() realm: Realm,
    @Req() req: Request,
    @Res() res: Response,
    @Query('next') next?: string,
  ) {
    if (await this.sessions.resolve(req, realm)) return redirect(res, safeNext(next));
    this.renderLogin(req, res, realm, 200, { next });
  }

  @Post('login')
  async login(@CurrentRealm() realm: Realm, @Req() req: ParamsRequest, @Res() res: Response) {
    let form: LoginFormDto | undefined;
    try {
      form = parseParams(LoginFormDto, req.zulipParams ?? {});
      if (!formCsrfValid(req, form.csrfmiddlewaretoken)) {
        throw new ZulipError('CSRF_FAILED', 'Your login form expired. Please try again.', 403);
      }
      const user = await this.auth.fetchApiKey(
        realm,
        form.username.trim(),
        form.password,
        this.sessions.clientAddress(req),
      );
      const { cookies } = await this.sessions.start(user, req);
      res.append('Set-Cookie', cookies);
      redirect(res, safeNext(form.next));
    } catch (err) {
      if (!(err instanceof ZulipError)) throw err;
      const message =
        err.code === 'REQUEST_VARIABLE_MISSING' || err.code === 'BAD_REQUEST'
          ? 'Please enter your email and password.'
          : err.message;
      for (const [name, value] of Object.entries(err.headers)) {
        if (name.toLowerCase() !== 'www-authenticate') res.setHeader(name, value);
      }
      this.renderLogin(req, res, realm, err.status, {
        email: form?.username,
        next: form?.next,
        error: message,
      });
    }
  }

  @Get('logout')
  async logoutForm(@CurrentRealm() realm: Realm, @Req() req: Request, @Res() res: Response) {
    const found = await this.sessions.resolve(req, realm);
    if (!found) return redirect(res, '/login/');
    sendHtml(
      res,
      200,
      logoutPage(
        { title: 'Log out', realmName: realm.name },
        { csrfToken: found.session.csrf_token },
      ),
    );
  }

  /** Ends the session on the server. Needs the session's CSRF token (header or form field). */
  @Post('logout')
  async logout(@CurrentRealm() realm: Realm, @Req() req: ParamsRequest, @Res() res: Response) {
    const found = await this.sessions.resolve(req, realm);
    if (found) {
      const form = parseParams(LogoutFormDto, req.zulipParams ?? {});
      const token = String(req.headers[CSRF_HEADER] ?? form.csrfmiddlewaretoken ?? '');
      if (!sameSecret(token, found.session.csrf_token)) {
        return sendErrorPage(
          res,
          realm,
          'Log out',
          new ZulipError('CSRF_FAILED', 'CSRF error: CSRF token missing or incorrect.', 403),
          { href: '/logout/', text: 'Try again' },
        );
      }
    }
    res.append('Set-Cookie', await this.sessions.end(req));
    redirect(res, '/login/');
  }

  private renderLogin(
    req: Request,
    res: Response,
    realm: Realm,
    status: number,
    fields: { email?: string; next?: string; error?: string },
  ): void {
    const providers: Array<{ name: string; url: string }> = [];
    const next = fields.next ? `?next=${encodeURIComponent(safeNext(fields.next))}` : '';
    // Only the ways in this organization allows (its owners may turn some off).
    const methods = realmAuthMethods(realm, this.config);
    if (this.config.web.oidc && methods['OpenID Connect']) {
      providers.push({ name: this.config.web.oidc.name, url: `/accounts/login/oidc/${next}` });
    }
    if (this.config.web.ssoRemoteUserHeader && methods.RemoteUser) {
      providers.push({ name: 'single sign-on', url: `/accounts/login/sso/${next}` });
    }
    const csrfToken = formCsrfToken(req, res, this.sessions.isSecure(req));
    sendHtml(
      res,
      status,
      loginPage(
        { title: 'Log in', realmName: realm.name, error: fields.error },
        { csrfToken, email: fields.email, next: fields.next, password: methods.Email, providers },
      ),
    );
  }
}
