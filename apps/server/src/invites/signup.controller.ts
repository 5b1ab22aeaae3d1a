import { Controller, Get, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { CurrentRealm, Public } from '../identity/identity.decorators';
import { SessionsService } from '../sessions/sessions.service';
import { setPageHeaders } from '../common/security-headers';
import { Params } from '../common/params';
import { ZulipError } from '../common/zulip-error';
import type { Realm } from '../identity/realm.types';
import { renderConfirmPage } from './confirm-page';
import { CompleteSignupDto, ConfirmFormDto, StartSignupDto } from './dto/invites.dto';
import { SignupService } from './signup.service';

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

  @Get('accounts/do_confirm/:key')
  async page(@CurrentRealm() realm: Realm, @Param('key') key: string, @Res() res: Response) {
    try {
      const confirmation = await this.signup.confirmation(realm, key);
      sendPage(res, 200, renderConfirmPage({ realmName: realm.name, email: confirmation.email }));
    } catch (err) {
      sendError(res, realm, err);
    }
  }

  @Post('accounts/do_confirm/:key')
  async submit(
    @CurrentRealm() realm: Realm,
    @Param('key') key: string,
    @Req() req: Request,
    @Res() res: Response,
    @Params(ConfirmFormDto) p: ConfirmFormDto,
  ) {
    let email: string | undefined;
    try {
      email = (await this.signup.confirmation(realm, key)).email;
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
      sendError(res, realm, err, email, p.full_name);
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
  email?: string,
  fullName?: string,
): void {
  if (!(err instanceof ZulipError)) throw err;
  sendPage(
    res,
    err.status,
    renderConfirmPage({ realmName: realm.name, error: err.message, email, fullName }),
  );
}
