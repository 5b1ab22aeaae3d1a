import { Controller, Delete, HttpCode, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { CurrentUser } from '../identity/identity.decorators';
import type { User } from '../identity/user.types';
import { AvatarsService } from './avatars.service';

@Controller('api/v1/users/me/avatar')
export class AvatarsController {
  constructor(private readonly avatars: AvatarsService) {}

  @Post()
  @HttpCode(200)
  upload(
    @CurrentUser() user: User,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.avatars.upload(user, req, res);
  }

  @Delete()
  remove(@CurrentUser() user: User) {
    return this.avatars.remove(user);
  }
}
