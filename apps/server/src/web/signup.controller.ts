import { Controller, Get, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { CurrentRealm, Public } from '../identity/identity.decorators';
import { SessionsService } from '../sessions/sessions.service';
import { setPageHeaders } from '../common/security-headers';
import { Params } from '../common/params';
import { ZulipError } from '../common/zulip-error';
import type { Realm } from '../identity/realm.types';
import { renderConfirmPage } from '../invites/confirm-page';
import {
  CompleteSignupDto,
  ConfirmFormDto,
  JoinDto,
  StartSignupDto,
} from '../invites/dto/invites.dto';
import { CSRF_HEADER } from '../sessions/session-cookies';
import { formCsrfToken, formCsrfValid } from './form-csrf';
import { sendClientPage, sendErrorPage } from './page-response';
import { SignupService } from '../invites/signup.service';

@Public()
@Controller()
export class SignupController {
  constructor(
    private readonly signup: SignupService,
    private readonly sessions: SessionsService,
  ) {}

  /** Mails a confirmation link when the realm's domain and invitation rules admit the address. */
  @Post('api/v1/signup')
  @HttpCode(200)
  async start(
    @CurrentRealm() realm: Realm,
    @Params(StartSignupDto) p: StartSignupDto,
    @Req() req: Request,
  ) {
    await this.signup.start(realm, p.email, req.ip ?? 'unknown');
    return { msg: `Check ${p.email.trim()} for a confirmation link.` };
  }

  /** The API form of the confirmation page: creates the account behind `key`. */
  @Post('api/v1/signup/complete')
  @HttpCode(200)
  async complete(@CurrentRealm() realm: Realm, @Params(CompleteSignupDto) p: CompleteSignupDto) {
    const user = await this.signup.complete(realm, p.key, p.full_name, p.password);
    return { user_id: user.id, email: user.email, api_key: user.api_key };
  }

  /**
   * A reusable invitation link (`/join/<key>/`): the web client's sign-up page, or a page saying
   * why the link cannot be used. Sets the form CSRF cookie the page sends back.
   */
  @Get('join/:key')
  async joinPage(
    @CurrentRealm() realm: Realm,
    @Param('key') key: string,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    try {
      await this.signup.multiuseInvite(realm, key);
    } catch (err) {
      return sendErrorPage(res, realm, 'Invitation link', err);
    }
    sendClientPage(res, realm, undefined, () =>
      formCsrfToken(req, res, this.sessions.isSecure(req)),
    );
  }

  /** What the sign-up page shows about a reusable link: the organization and the role. */
  @Get('api/v1/join/:key')
  async joinInfo(@CurrentRealm() realm: Realm, @Param('key') key: string) {
    const invite = await this.signup.multiuseInvite(realm, key);
    return { realm_name: realm.name, invite_as: invite.invite_as };
  }

  /**
   * The sign-up page's form: mails a confirmation link, bound to the reusable invitation, to the
   * address given (or, when it has an account, a note with the log-in and password-reset links);
   * the answer does not say which. Only from the page itself: the form CSRF cookie must come back
   * in the `X-CSRFToken` header, so another site cannot post it on a visitor's behalf.
   */
  @Post('api/v1/join/:key')
  @HttpCode(200)
  async join(
    @CurrentRealm() realm: Realm,
    @Param('key') key: string,
    @Req() req: Request,
    @Params(JoinDto) p: JoinDto,
  ) {
    const header = req.headers[CSRF_HEADER];
    if (!formCsrfValid(req, typeof header === 'string' ? header : undefined)) {
      throw new ZulipError('CSRF_FAILED', 'CSRF error: CSRF token missing or incorrect.', 403);
    }
    await this.signup.joinByLink(realm, key, p.email, req.ip ?? 'unknown');
    return { msg: `Check ${p.email.trim()} for a confirmation link.` };
  }

  /** The name and password form behind a mailed confirmation link (sets the form CSRF cookie). */
  @Get('accounts/do_confirm/:key')
  async page(
    @CurrentRealm() realm: Realm,
    @Param('key') key: string,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    try {
      const confirmation = await this.signup.confirmation(realm, key);
      const csrfToken = formCsrfToken(req, res, this.sessions.isSecure(req));
      sendPage(
        res,
        200,
        renderConfirmPage({ realmName: realm.name, email: confirmation.email, csrfToken }),
      );
    } catch (err) {
      sendError(res, realm, err);
    }
  }

  /**
   * Creates the account and signs the browser in. The page's CSRF token must come back, so another
   * site cannot sign a visitor in to an account of its choosing with a link it holds.
   */
  @Post('accounts/do_confirm/:key')
  async submit(
    @CurrentRealm() realm: Realm,
    @Param('key') key: string,
    @Req() req: Request,
    @Res() res: Response,
    @Params(ConfirmFormDto) p: ConfirmFormDto,
  ) {
    let email: string | undefined;
    let csrfToken: string | undefined;
    try {
      email = (await this.signup.confirmation(realm, key)).email;
      csrfToken = formCsrfToken(req, res, this.sessions.isSecure(req));
      if (!formCsrfValid(req, p.csrfmiddlewaretoken)) {
        throw new ZulipError('CSRF_FAILED', 'This form expired. Please try again.', 403);
      }
      const user = await this.signup.complete(realm, key, p.full_name, p.password);
      // The new account is signed in to the web client at once (a fresh session).
      res.append('Set-Cookie', (await this.sessions.start(user, req)).cookies);
      sendPage(
        res,
        200,
        renderConfirmPage({ realmName: realm.name, email: user.email, done: true }),
      );
    } catch (err) {
      // A weak password or bad name keeps the form, with the reason, so the person can retry.
      sendError(res, realm, err, { email, fullName: p.full_name, csrfToken });
    }
  }
}

function sendPage(res: Response, status: number, html: string): void {
  setPageHeaders(res);
  res.status(status).type('html').send(html);
}

function sendError(
  res: Response,
  realm: Realm,
  err: unknown,
  form: { email?: string; fullName?: string; csrfToken?: string } = {},
): void {
  if (!(err instanceof ZulipError)) throw err;
  sendPage(
    res,
    err.status,
    renderConfirmPage({ realmName: realm.name, error: err.message, ...form }),
  );
}
