import { Controller, Get, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { CurrentRealm, CurrentUser, Public } from '../identity/identity.decorators';
import { Params } from '../common/params';
import type { Realm } from '../identity/realm.types';
import type { User } from '../identity/user.types';
import { SessionsService } from '../sessions/sessions.service';
import { redirect, sendErrorPage } from '../web/page-response';
import { CallsService } from './calls.service';
import { CreateBigBlueButtonCallDto, JoinBigBlueButtonCallDto } from './dto/calls.dto';

@Controller()
export class CallsController {
  constructor(
    private readonly calls: CallsService,
    private readonly sessions: SessionsService,
  ) {}

  /** Zulip's `{"url": "/calls/bigbluebutton/join?bigbluebutton=…"}`, relative to the realm. */
  @Get('api/v1/calls/bigbluebutton/create')
  async createBigBlueButton(
    @CurrentUser() me: User,
    @Params(CreateBigBlueButtonCallDto) p: CreateBigBlueButtonCallDto,
  ) {
    return { url: await this.calls.createBigBlueButtonUrl(me, p.meeting_name, !!p.voice_only) };
  }

  /**
   * The link in a call message: for a signed-in browser, off to the BigBlueButton meeting (as a
   * moderator, under the person's name); everyone else logs in first and comes back.
   */
  @Public()
  @Get('calls/bigbluebutton/join')
  async joinBigBlueButton(
    @CurrentRealm() realm: Realm,
    @Req() req: Request,
    @Res() res: Response,
    @Params(JoinBigBlueButtonCallDto) p: JoinBigBlueButtonCallDto,
  ) {
    const found = await this.sessions.resolve(req, realm);
    if (!found) return redirect(res, `/login/?${new URLSearchParams({ next: req.originalUrl })}`);
    try {
      redirect(res, await this.calls.joinBigBlueButtonUrl(found.user, p.bigbluebutton));
    } catch (err) {
      sendErrorPage(res, realm, 'Video call', err, { href: '/', text: 'Back to the chat' });
    }
  }
}
