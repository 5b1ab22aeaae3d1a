import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Authenticator } from '../auth/authenticator';
import { RawResponse } from '../common/envelope.interceptor';
import { ZulipError } from '../common/zulip-error';
import { AuthedRequest, Public } from '../identity/identity.decorators';
import type { Realm } from '../identity/realm.types';
import type { User } from '../identity/user.types';
import { SessionsService } from '../sessions/sessions.service';
import { contentTypeFor } from './file-names';
import { serveFile } from './serve-file';
import { parseUploadPath } from './upload-paths';
import { UploadStorage } from './upload-storage';
import { UploadsService } from './uploads.service';

const notFound = (): ZulipError => ZulipError.notFound('File not found');

/** Avatars and emoji change their file name when they change: browsers may keep them a day. */
const AVATAR_MAX_AGE = 86400;

/**
 * The files themselves, outside `/api/v1`: uploads for a browser session or HTTP Basic, signed
 * temporary URLs without credentials, thumbnails, and avatars and custom emoji (public, as in
 * Zulip).
 */
@Public()
@Controller()
export class FilesController {
  constructor(
    private readonly uploads: UploadsService,
    private readonly storage: UploadStorage,
    private readonly sessions: SessionsService,
    private readonly auth: Authenticator,
  ) {}

  @Get('user_uploads/temporary/:token/:filename')
  async temporary(@Param('token') token: string, @Res() res: Response) {
    const row = await this.uploads.fromSignedToken(token);
    await serveFile(res, {
      file: this.uploads.fileOf(row),
      contentType: row.content_type,
      fileName: row.file_name,
    });
    return new RawResponse();
  }

  /** Links a mirror bridge gave people on IRC/XMPP (see UploadsService.bridgedUrl). */
  @Get('user_uploads/bridged/:token/:filename')
  async bridged(@Param('token') token: string, @Res() res: Response) {
    const row = await this.uploads.fromBridgedToken(token);
    await serveFile(res, {
      file: this.uploads.fileOf(row),
      contentType: row.content_type,
      fileName: row.file_name,
    });
    return new RawResponse();
  }

  @Get('user_uploads/thumbnail/*path')
  async thumbnail(@Req() req: AuthedRequest, @Res() res: Response) {
    const user = await this.viewer(req);
    const rest = req.path.slice('/user_uploads/thumbnail/'.length);
    const cut = rest.lastIndexOf('/');
    const where = cut > 0 ? parseUploadPath(rest.slice(0, cut)) : null;
    if (!where) throw notFound();
    const row = await this.uploads.readable(user, where.realmId, where.pathId);
    const size = rest.slice(cut + 1);
    const file = await this.uploads.thumbnailOf(row, size);
    if (!file) throw notFound();
    await serveFile(res, { file, contentType: 'image/webp', fileName: size });
    return new RawResponse();
  }

  @Get('user_uploads/*path')
  async download(@Req() req: AuthedRequest, @Res() res: Response) {
    const user = await this.viewer(req);
    const where = parseUploadPath(req.path.slice('/user_uploads/'.length));
    if (!where) throw notFound();
    const row = await this.uploads.readable(user, where.realmId, where.pathId);
    await serveFile(res, {
      file: this.uploads.fileOf(row),
      contentType: row.content_type,
      fileName: row.file_name,
    });
    return new RawResponse();
  }

  @Get('user_avatars/*path')
  async avatar(@Req() req: Request, @Res() res: Response) {
    let rest: string;
    try {
      rest = decodeURIComponent(req.path.slice('/user_avatars/'.length));
    } catch {
      throw notFound();
    }
    if (!/^\d{1,9}\/(emoji\/images\/)?[A-Za-z0-9_-][A-Za-z0-9_.-]*$/.test(rest)) throw notFound();
    const fileName = rest.split('/').pop() ?? 'avatar';
    await serveFile(res, {
      file: this.storage.avatarPath(rest),
      contentType: contentTypeFor(fileName, undefined),
      fileName,
      maxAgeSeconds: AVATAR_MAX_AGE,
    });
    return new RawResponse();
  }

  /** A browser's session cookie, else HTTP Basic; neither answers 401. */
  private async viewer(req: AuthedRequest): Promise<User> {
    const realm = req.realm as Realm;
    const session = await this.sessions.resolve(req, realm);
    if (session) return session.user;
    if (req.headers.authorization) {
      return this.auth.authenticate(realm, req.headers.authorization, false);
    }
    // No `WWW-Authenticate: Basic`: a browser would answer it with a password prompt.
    throw new ZulipError(
      'UNAUTHORIZED',
      'Not logged in: API authentication or user session required',
      401,
    );
  }
}
