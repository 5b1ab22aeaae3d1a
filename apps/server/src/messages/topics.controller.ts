import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { Params } from '../common/params';
import { CurrentUser } from '../identity/identity.decorators';
import type { User } from '../identity/user.types';
import { streamIdFromPath } from '../streams/path-ids';
import { DeleteTopicDto } from './dto/topic.dto';
import { TopicsService } from './topics.service';

@Controller('api/v1')
export class TopicsController {
  constructor(private readonly topics: TopicsService) {}

  @Get('users/me/:stream_id/topics')
  async list(@CurrentUser() user: User, @Param('stream_id') id: string) {
    return { topics: await this.topics.list(user, streamIdFromPath(id)) };
  }

  @Post('streams/:stream_id/delete_topic')
  @HttpCode(200)
  deleteTopic(
    @CurrentUser() user: User,
    @Param('stream_id') id: string,
    @Params(DeleteTopicDto) p: DeleteTopicDto,
  ) {
    return this.topics.deleteTopic(user, streamIdFromPath(id), p.topic_name);
  }
}
