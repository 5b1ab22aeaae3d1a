import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { Params } from '../common/params';
import { CurrentUser } from '../identity/identity.decorators';
import type { User } from '../identity/user.types';
import { ReportBridgeHealthDto } from './dto/bridge-health.dto';
import { BridgesService } from './bridges.service';

@Controller('api/v1/bridges')
export class BridgesController {
  constructor(private readonly bridges: BridgesService) {}

  /** Administrators: the newest health report of every bridge of the realm. */
  @Get()
  async list(@CurrentUser() user: User) {
    return { bridges: await this.bridges.list(user) };
  }

  /** A running bridge, through its bot: how it is doing right now. */
  @Post('health')
  @HttpCode(200)
  async report(@CurrentUser() user: User, @Params(ReportBridgeHealthDto) p: ReportBridgeHealthDto) {
    await this.bridges.report(user, p);
    return {};
  }
}
