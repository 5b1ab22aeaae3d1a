import { Controller, Delete, Get, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ZulipError } from '../common/zulip-error';
import { CurrentRealm, CurrentUser } from '../identity/identity.decorators';
import type { Realm } from '../identity/realm.types';
import type { User } from '../identity/user.types';
import { Params } from '../common/params';
import { BridgedLinkDto } from './bridged-link.dto';
import { parseUploadPath } from './upload-paths';
import { UploadsService } from './uploads.service';

@Controller('api/v1')
export class UploadsController {
  constructor(private readonly uploads: UploadsService) {}

  @Post('user_uploads')
  @HttpCode(200)
  upload(
    @CurrentUser() user: User,
    @CurrentRealm() realm: Realm,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.uploads.upload(user, realm, req, res);
  }

  /** Zulip's way for API clients to fetch a file: a short-lived URL that needs no credentials. */
  @Get('user_uploads/:realm_id/*path')
  async signedUrl(@CurrentUser() user: User, @Req() req: Request) {
    const where = parseUploadPath(req.path.slice('/api/v1/user_uploads/'.length));
    if (!where) throw ZulipError.notFound('File not found');
    return { url: await this.uploads.signedUrl(user, where.realmId, where.pathId) };
  }

  /** Mirror bridges: a link to an upload that people on IRC/XMPP can open without an account. */
  @Post('user_uploads/bridged_link')
  @HttpCode(200)
  async bridgedLink(
    @CurrentUser() user: User,
    @CurrentRealm() realm: Realm,
    @Params(BridgedLinkDto) p: BridgedLinkDto,
  ) {
    const where = parseUploadPath(p.path.replace(/^\/?user_uploads\//, ''));
    if (!where) throw ZulipError.notFound('File not found');
    return { url: await this.uploads.bridgedUrl(user, realm, where.realmId, where.pathId) };
  }

  @Get('attachments')
  list(@CurrentUser() user: User) {
    return this.uploads.list(user);
  }

  @Delete('attachments/:attachment_id')
  async remove(@CurrentUser() user: User, @Param('attachment_id') id: string) {
    if (!/^\d{1,9}$/.test(id)) throw ZulipError.badRequest('Invalid attachment');
    await this.uploads.remove(user, Number(id));
    return {};
  }
}
