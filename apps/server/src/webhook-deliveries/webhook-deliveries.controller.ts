import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { Params } from '../common/params';
import { ZulipError } from '../common/zulip-error';
import { CurrentUser, OwnRateLimit, WebhookBotAllowed } from '../identity/identity.decorators';
import type { User } from '../identity/user.types';
import {
  DeliveryStatsDto,
  ListDeliveriesDto,
  ReportDeliveryDto,
} from './dto/webhook-deliveries.dto';
import { WebhookDeliveriesService } from './webhook-deliveries.service';

/** Not in Zulip's API: the webhook gateway's delivery history and replays (see the gateway README). */
@Controller('api/v1/webhooks/deliveries')
export class WebhookDeliveriesController {
  constructor(private readonly deliveries: WebhookDeliveriesService) {}

  /** The gateway, as the incoming-webhook bot: a delivery it accepted, or its outcome. */
  @Post()
  @HttpCode(200)
  @WebhookBotAllowed()
  // A delivery reports 2–3 times (queued, retrying, delivered): in a bucket of its own, so the
  // history never eats the bot's own limit for posting the messages.
  @OwnRateLimit('webhook-history', 5)
  async report(@CurrentUser() bot: User, @Params(ReportDeliveryDto) p: ReportDeliveryDto) {
    const id = await this.deliveries.report(bot, {
      uuid: p.uuid,
      integration: p.integration,
      outcome: p.outcome,
      event: p.event,
      reason: p.reason,
      messageId: p.message_id,
      host: p.host,
      headers: p.headers,
      query: p.query,
      body: p.body === undefined ? undefined : Buffer.from(p.body, 'base64'),
      replayOf: p.replay_of,
    });
    return { id };
  }

  @Get()
  async list(@CurrentUser() me: User, @Params(ListDeliveriesDto) p: ListDeliveriesDto) {
    return {
      deliveries: await this.deliveries.list(me, {
        botId: p.bot_id,
        integration: p.integration,
        outcome: p.outcome,
        before: p.before,
        limit: p.limit,
      }),
    };
  }

  @Get('stats')
  async stats(@CurrentUser() me: User, @Params(DeliveryStatsDto) p: DeliveryStatsDto) {
    const hours = p.hours ?? 72;
    return { hours: await this.deliveries.perHour(me, p.bot_id, hours) };
  }

  @Post(':id/replay')
  @HttpCode(200)
  async replay(@CurrentUser() me: User, @Param('id') id: string) {
    if (!/^\d{1,15}$/.test(id)) throw ZulipError.badRequest('No such delivery');
    await this.deliveries.replay(me, Number(id));
    return {};
  }
}
