import { Controller, Get, Param } from '@nestjs/common';
import { CurrentRealm, CurrentUser } from '../identity/identity.decorators';
import type { Realm } from '../identity/realm.types';
import type { User } from '../identity/user.types';
import { messageIdParam } from './messages.controller';
import { ReadReceiptsService } from './read-receipts.service';

@Controller('api/v1')
export class ReadReceiptsController {
  constructor(private readonly receipts: ReadReceiptsService) {}

  @Get('messages/:message_id/read_receipts')
  async readers(
    @CurrentUser() user: User,
    @CurrentRealm() realm: Realm,
    @Param('message_id') id: string,
  ) {
    return { user_ids: await this.receipts.readers(user, realm, messageIdParam(id)) };
  }
}
