import { Controller, Delete, Get, HttpCode, Param, Patch, Post, Req } from '@nestjs/common';
import { Params, ParamsRequest } from '../common/params';
import { ZulipError } from '../common/zulip-error';
import { CurrentRealm, CurrentUser } from '../identity/identity.decorators';
import type { Realm } from '../identity/realm.types';
import type { User } from '../identity/user.types';
import { clientName } from '../messages/normalize';
import { CreateScheduledMessageDto, EditScheduledMessageDto } from './dto/scheduled-messages.dto';
import { ScheduledMessagesService } from './scheduled-messages.service';

function scheduledMessageId(raw: string): number {
  if (!/^\d{1,9}$/.test(raw)) throw ZulipError.notFound('Scheduled message does not exist');
  return Number(raw);
}

@Controller('api/v1/scheduled_messages')
export class ScheduledMessagesController {
  constructor(private readonly scheduled: ScheduledMessagesService) {}

  @Get()
  async list(@CurrentUser() user: User) {
    return { scheduled_messages: await this.scheduled.list(user) };
  }

  @Post()
  @HttpCode(200)
  async create(
    @CurrentUser() user: User,
    @CurrentRealm() realm: Realm,
    @Params(CreateScheduledMessageDto) p: CreateScheduledMessageDto,
    @Req() req: ParamsRequest,
  ) {
    const id = await this.scheduled.create(user, realm, {
      type: p.type,
      to: p.to,
      topic: p.topic,
      content: p.content,
      scheduledDeliveryTimestamp: p.scheduled_delivery_timestamp,
      readBySender: p.read_by_sender,
      client: clientName(req.zulipParams?.client, req.headers['user-agent']),
    });
    return { scheduled_message_id: id };
  }

  @Patch(':scheduled_message_id')
  async edit(
    @CurrentUser() user: User,
    @CurrentRealm() realm: Realm,
    @Param('scheduled_message_id') id: string,
    @Params(EditScheduledMessageDto) p: EditScheduledMessageDto,
  ) {
    await this.scheduled.update(user, realm, scheduledMessageId(id), {
      type: p.type,
      to: p.to,
      topic: p.topic,
      content: p.content,
      scheduledDeliveryTimestamp: p.scheduled_delivery_timestamp,
    });
    return {};
  }

  @Delete(':scheduled_message_id')
  async remove(@CurrentUser() user: User, @Param('scheduled_message_id') id: string) {
    await this.scheduled.remove(user, scheduledMessageId(id));
    return {};
  }
}
