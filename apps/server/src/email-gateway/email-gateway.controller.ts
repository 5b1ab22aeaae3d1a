import { Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import type { Request } from 'express';
import { ZulipError } from '../common/zulip-error';
import { CurrentUser, ServerWide } from '../identity/identity.decorators';
import type { User } from '../identity/user.types';
import { streamIdFromPath } from '../streams/path-ids';
import { readRawEmail } from './raw-email-body';
import { EmailGatewayService } from './email-gateway.service';

@Controller('api/v1')
export class EmailGatewayController {
  constructor(private readonly gateway: EmailGatewayService) {}

  @Get('streams/:stream_id/email_address')
  async address(@CurrentUser() user: User, @Param('stream_id') id: string) {
    return { email: await this.gateway.addressFor(user, streamIdFromPath(id)) };
  }
}

/**
 * `POST /api/internal/email_mirror_message`: one raw email (`Content-Type: message/rfc822`) from
 * `manage email-mirror` or a mail server, authenticated by EMAIL_GATEWAY_SECRET as a bearer
 * token; `recipient` (query) is the envelope recipient when known. Not for user accounts.
 */
@ServerWide()
@Controller('api/internal')
export class EmailMirrorController {
  constructor(private readonly gateway: EmailGatewayService) {}

  @Post('email_mirror_message')
  @HttpCode(200)
  async receive(@Req() req: Request, @Query('recipient') recipient: unknown) {
    const auth = req.headers.authorization ?? '';
    const presented = /^Bearer (\S+)$/i.exec(auth)?.[1];
    if (!this.gateway.secretMatches(presented)) {
      throw ZulipError.unauthorized('Invalid or missing email gateway secret');
    }
    if (recipient !== undefined && typeof recipient !== 'string') {
      throw ZulipError.invalid('recipient');
    }
    const raw = await readRawEmail(req, this.gateway.maxMessageBytes);
    return this.gateway.receive(raw, recipient);
  }
}
