import { Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { CurrentRealm, Public } from '../identity/identity.decorators';
import { ParamsRequest, parseParams } from '../common/params';
import { ZulipError } from '../common/zulip-error';
import { SignupService } from '../invites/signup.service';
import type { Realm } from '../identity/realm.types';
import { SessionsService } from '../sessions/sessions.service';
import { EmailFormDto, NewPasswordFormDto } from './dto/forms.dto';
import { formCsrfToken, formCsrfValid } from './form-csrf';
import { sendErrorPage, sendHtml } from './page-response';
import { emailFormPage, messagePage, newPasswordPage } from './pages';
import { PasswordResetService } from './password-reset.service';
import { EmailChangeService } from '../users/email-change.service';

const EXPIRED_FORM = new ZulipError('CSRF_FAILED', 'This form expired. Please try again.', 403);

/** The sign-up page (the e-mail step of the existing flow) and password reset by e-mail. */
@Public()
@Controller()
export class AccountsController {
  constructor(
    private readonly signup: SignupService,
    private readonly resets: PasswordResetService,
    private readonly sessions: SessionsService,
    private readonly emailChange: EmailChangeService,
  ) {}

  /** The link of an email-change mail: following it makes the change, as in Zulip. */
  @Get('accounts/confirm_new_email/:key')
  async confirmNewEmail(
    @CurrentRealm() realm: Realm,
    @Param('key') key: string,
    @Res() res: Response,
  ) {
    const title = 'Email address change';
    try {
      const { user, oldEmail } = await this.emailChange.confirm(realm, key);
      sendHtml(
        res,
        200,
        messagePage(
          {
            title,
            realmName: realm.name,
            notice:
              `The email address of your account is now ${user.delivery_email} ` +
              `(it was ${oldEmail}).`,
          },
          { link: { href: '/', text: `Open ${realm.name}` } },
        ),
      );
    } catch (err) {
      sendErrorPage(res, realm, title, err, { href: '/', text: `Open ${realm.name}` });
    }
  }

  @Get('register')
  signupForm(@CurrentRealm() realm: Realm, @Req() req: Request, @Res() res: Response) {
    this.emailForm(req, res, realm, 200, 'Sign up', {
      action: '/register/',
      button: 'Sign up',
      intro: 'Enter your email address; we will send you a link to create your account.',
    });
  }

  @Post('register')
  async startSignup(@CurrentRealm() realm: Realm, @Req() req: ParamsRequest, @Res() res: Response) {
    try {
      const form = this.form(EmailFormDto, req);
      const ip = this.sessions.clientAddress(req);
      await this.signup.start(realm, form.email, ip);
      this.checkYourMail(res, realm, 'Sign up', form.email);
    } catch (err) {
      sendErrorPage(res, realm, 'Sign up', err, { href: '/register/', text: 'Try again' });
    }
  }

  @Get('accounts/password/reset')
  resetForm(@CurrentRealm() realm: Realm, @Req() req: Request, @Res() res: Response) {
    this.emailForm(req, res, realm, 200, 'Reset your password', {
      action: '/accounts/password/reset/',
      button: 'Send reset link',
      intro: 'Enter your email address; we will send you a link to choose a new password.',
    });
  }

  @Post('accounts/password/reset')
  async requestReset(
    @CurrentRealm() realm: Realm,
    @Req() req: ParamsRequest,
    @Res() res: Response,
  ) {
    try {
      const form = this.form(EmailFormDto, req);
      await this.resets.request(realm, form.email, this.sessions.clientAddress(req));
      this.checkYourMail(res, realm, 'Reset your password', form.email);
    } catch (err) {
      sendErrorPage(res, realm, 'Reset your password', err, {
        href: '/accounts/password/reset/',
        text: 'Try again',
      });
    }
  }

  @Get('accounts/password/reset/:key')
  async newPasswordForm(
    @CurrentRealm() realm: Realm,
    @Param('key') key: string,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    try {
      const link = await this.resets.link(realm, key);
      this.newPassword(req, res, realm, 200, link.email);
    } catch (err) {
      sendErrorPage(res, realm, 'Reset your password', err, {
        href: '/accounts/password/reset/',
        text: 'Ask for a new link',
      });
    }
  }

  @Post('accounts/password/reset/:key')
  async setPassword(
    @CurrentRealm() realm: Realm,
    @Param('key') key: string,
    @Req() req: ParamsRequest,
    @Res() res: Response,
  ) {
    let email: string;
    try {
      email = (await this.resets.link(realm, key)).email;
    } catch (err) {
      return sendErrorPage(res, realm, 'Reset your password', err, {
        href: '/accounts/password/reset/',
        text: 'Ask for a new link',
      });
    }
    try {
      const form = this.form(NewPasswordFormDto, req);
      await this.resets.complete(realm, key, form.new_password, form.confirm_password);
      sendHtml(
        res,
        200,
        messagePage(
          {
            title: 'Password changed',
            realmName: realm.name,
            notice: 'Your password has been changed, and every session of your account has ended.',
          },
          { link: { href: '/login/', text: 'Log in' } },
        ),
      );
    } catch (err) {
      if (!(err instanceof ZulipError)) throw err;
      // A weak or mismatched password keeps the form, with the reason.
      this.newPassword(req, res, realm, err.status, email, err.message);
    }
  }

  private form<T extends { csrfmiddlewaretoken?: string }>(
    dto: new () => T,
    req: ParamsRequest,
  ): T {
    const form = parseParams(dto, req.zulipParams ?? {});
    if (!formCsrfValid(req, form.csrfmiddlewaretoken)) throw EXPIRED_FORM;
    return form;
  }

  private emailForm(
    req: Request,
    res: Response,
    realm: Realm,
    status: number,
    title: string,
    fields: { action: string; button: string; intro: string },
  ): void {
    const csrfToken = formCsrfToken(req, res, this.sessions.isSecure(req));
    sendHtml(
      res,
      status,
      emailFormPage({ title, realmName: realm.name }, { csrfToken, ...fields }),
    );
  }

  private newPassword(
    req: Request,
    res: Response,
    realm: Realm,
    status: number,
    email: string,
    error?: string,
  ): void {
    const csrfToken = formCsrfToken(req, res, this.sessions.isSecure(req));
    sendHtml(
      res,
      status,
      newPasswordPage(
        { title: 'Reset your password', realmName: realm.name, error },
        { csrfToken, email },
      ),
    );
  }

  /** The same answer whether or not the address has an account. */
  private checkYourMail(res: Response, realm: Realm, title: string, email: string): void {
    sendHtml(
      res,
      200,
      messagePage(
        {
          title,
          realmName: realm.name,
          notice: `Check ${email.trim()} for an email from us, and follow its link.`,
        },
        { link: { href: '/login/', text: 'Back to log in' } },
      ),
    );
  }
}
