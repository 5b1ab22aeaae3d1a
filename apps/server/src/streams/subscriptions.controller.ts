import { Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { CurrentUser } from '../identity/identity.decorators';
import { Params } from '../common/params';
import { ZulipError } from '../common/zulip-error';
import type { User } from '../identity/user.types';
import {
  ListSubscriptionsDto,
  SubscribeDto,
  UnsubscribeDto,
  UpdatePropertiesDto,
  UpdateSubscriptionsDto,
} from './dto/stream.dto';
import { streamIdFromPath, userIdFromPath } from './path-ids';
import { SubscriptionsService } from './subscriptions.service';

@Controller('api/v1')
export class SubscriptionsController {
  constructor(private readonly subscriptions: SubscriptionsService) {}

  @Get('users/me/subscriptions')
  async list(@CurrentUser() user: User, @Params(ListSubscriptionsDto) p: ListSubscriptionsDto) {
    return { subscriptions: await this.subscriptions.list(user, p.include_subscribers ?? false) };
  }

  @Post('users/me/subscriptions')
  @HttpCode(200)
  subscribe(@CurrentUser() user: User, @Params(SubscribeDto) p: SubscribeDto) {
    return this.subscriptions.subscribe(user, {
      streams: p.subscriptions,
      principals: p.principals,
      inviteOnly: p.invite_only,
      historyPublicToSubscribers: p.history_public_to_subscribers,
      streamPostPolicy: p.stream_post_policy,
      authorizationErrorsFatal: p.authorization_errors_fatal,
    });
  }

  @Delete('users/me/subscriptions')
  unsubscribe(@CurrentUser() user: User, @Params(UnsubscribeDto) p: UnsubscribeDto) {
    return this.subscriptions.unsubscribe(user, p.subscriptions, p.principals);
  }

  /** Zulip's combined form: `add` (stream objects) and `delete` (names) in one call. */
  @Patch('users/me/subscriptions')
  async update(
    @CurrentUser() user: User,
    @Params(UpdateSubscriptionsDto) p: UpdateSubscriptionsDto,
  ) {
    if (!p.add?.length && !p.delete?.length) {
      throw ZulipError.badRequest('Nothing to do. Specify at least one of "add" or "delete".');
    }
    const added = p.add?.length
      ? await this.subscriptions.subscribe(user, { streams: p.add })
      : { subscribed: {}, already_subscribed: {} };
    const removed = p.delete?.length
      ? await this.subscriptions.unsubscribe(user, p.delete)
      : { removed: [], not_removed: [] };
    return { ...added, ...removed };
  }

  @Post('users/me/subscriptions/properties')
  @HttpCode(200)
  async properties(@CurrentUser() user: User, @Params(UpdatePropertiesDto) p: UpdatePropertiesDto) {
    return {
      subscription_data: await this.subscriptions.updateProperties(user, p.subscription_data),
    };
  }

  @Get('users/:user_id/subscriptions/:stream_id')
  async status(
    @CurrentUser() user: User,
    @Param('user_id') userId: string,
    @Param('stream_id') streamId: string,
  ) {
    const target = userId === 'me' ? user.id : userIdFromPath(userId);
    return {
      is_subscribed: await this.subscriptions.isUserSubscribed(
        user,
        target,
        streamIdFromPath(streamId),
      ),
    };
  }
}
