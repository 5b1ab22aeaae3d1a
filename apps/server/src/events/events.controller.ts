import { Controller, Delete, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { CurrentRealm, CurrentUser } from '../identity/identity.decorators';
import { ignoredParams } from '../common/envelope.interceptor';
import { Params, ParamsRequest, parseParams } from '../common/params';
import type { Realm } from '../identity/realm.types';
import type { User } from '../identity/user.types';
import { DeleteQueueDto, GetEventsDto } from './queues/dto/events.dto';
import { RegisterDto } from './registration/dto/register.dto';
import { pollAnswer } from './queues/events-answer';
import { EventsService } from './queues/events.service';
import { RegisterService } from './registration/register.service';

@Controller('api/v1')
export class EventsController {
  constructor(
    private readonly events: EventsService,
    private readonly registration: RegisterService,
  ) {}

  @Post('register')
  @HttpCode(200)
  register(
    @CurrentUser() user: User,
    @CurrentRealm() realm: Realm,
    @Params(RegisterDto) p: RegisterDto,
  ) {
    return this.registration.register(user, realm, p);
  }

  /**
   * Long-poll. Polls naming a queue are answered by LongPollFastPath before Express sees them;
   * this route serves the rest: without `queue_id` the register parameters apply and a queue is
   * made on the fly.
   */
  @Get('events')
  async poll(
    @CurrentUser() user: User,
    @Params(GetEventsDto) p: GetEventsDto,
    @Req() req: ParamsRequest,
    @Res() res: Response,
  ): Promise<void> {
    let queueId = p.queue_id;
    if (!queueId) {
      const register = parseParams(RegisterDto, req.zulipParams ?? {}, req.zulipConsumedParams);
      queueId = await this.registration.createQueue(user, register);
    }
    const ignored = ignoredParams(req.zulipParams ?? {}, req.zulipConsumedParams);
    const body = await pollAnswer(
      this.events,
      res,
      user.id,
      { queueId, lastEventId: p.last_event_id, dontBlock: p.dont_block },
      ignored,
    );
    res.status(200).type('application/json').send(body);
  }

  @Delete('events')
  async remove(@CurrentUser() user: User, @Params(DeleteQueueDto) p: DeleteQueueDto) {
    await this.events.deleteQueue(user.id, p.queue_id);
    return {};
  }
}
