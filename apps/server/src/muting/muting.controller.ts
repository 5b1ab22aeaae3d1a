import { Controller, Delete, HttpCode, Param, Patch, Post } from '@nestjs/common';
import type { VisibilityPolicy } from '@hub/api/muting.types';
import { Params } from '../common/params';
import { noSuchUser } from '../identity/permissions';
import { CurrentUser } from '../identity/identity.decorators';
import type { User } from '../identity/user.types';
import { MutedTopicDto, UserTopicDto } from './dto/muting.dto';
import { MutingService } from './muting.service';

function userId(raw: string): number {
  if (!/^\d{1,9}$/.test(raw)) throw noSuchUser();
  return Number(raw);
}

@Controller('api/v1')
export class MutingController {
  constructor(private readonly muting: MutingService) {}

  @Post('user_topics')
  @HttpCode(200)
  async userTopic(@CurrentUser() user: User, @Params(UserTopicDto) p: UserTopicDto) {
    await this.muting.setTopicPolicy(
      user,
      p.stream_id,
      p.topic,
      p.visibility_policy as VisibilityPolicy,
    );
    return {};
  }

  @Patch('users/me/subscriptions/muted_topics')
  async mutedTopic(@CurrentUser() user: User, @Params(MutedTopicDto) p: MutedTopicDto) {
    await this.muting.muteTopic(user, {
      streamId: p.stream_id,
      stream: p.stream,
      topic: p.topic,
      op: p.op,
    });
    return {};
  }

  @Post('users/me/muted_users/:muted_user_id')
  @HttpCode(200)
  async mute(@CurrentUser() user: User, @Param('muted_user_id') id: string) {
    await this.muting.muteUser(user, userId(id));
    return {};
  }

  @Delete('users/me/muted_users/:muted_user_id')
  async unmute(@CurrentUser() user: User, @Param('muted_user_id') id: string) {
    await this.muting.unmuteUser(user, userId(id));
    return {};
  }
}
