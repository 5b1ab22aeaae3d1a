import { Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { CurrentUser } from '../identity/identity.decorators';
import { Params } from '../common/params';
import type { User } from '../identity/user.types';
import { GetStreamIdDto, ListStreamsDto, StreamIdDto, UpdateStreamDto } from './dto/stream.dto';
import { streamIdFromPath } from './path-ids';
import { toApiStream } from './stream-format';
import { StreamPostPolicy } from './stream.types';
import { StreamsService } from './streams.service';

@Controller('api/v1')
export class StreamsController {
  constructor(private readonly streams: StreamsService) {}

  @Get('streams')
  async list(@CurrentUser() user: User, @Params(ListStreamsDto) p: ListStreamsDto) {
    const streams = await this.streams.listStreams(user, {
      includePublic: p.include_public ?? true,
      includeWebPublic: p.include_web_public ?? false,
      includeSubscribed: p.include_subscribed ?? true,
      includeAllActive: p.include_all_active ?? false,
      includeDefault: p.include_default ?? false,
      includeOwnerSubscribed: p.include_owner_subscribed ?? false,
    });
    return { streams: streams.map((s) => ({ ...toApiStream(s), is_default: s.is_default })) };
  }

  @Get('get_stream_id')
  async streamId(@CurrentUser() user: User, @Params(GetStreamIdDto) p: GetStreamIdDto) {
    return { stream_id: await this.streams.streamIdByName(user, p.stream) };
  }

  @Get('streams/:stream_id')
  async get(@CurrentUser() user: User, @Param('stream_id') id: string) {
    const stream = await this.streams.getStreamForUser(user, streamIdFromPath(id));
    return { stream: { ...toApiStream(stream), is_default: stream.is_default } };
  }

  @Get('streams/:stream_id/members')
  async members(@CurrentUser() user: User, @Param('stream_id') id: string) {
    return { subscribers: await this.streams.members(user, streamIdFromPath(id)) };
  }

  @Patch('streams/:stream_id')
  async update(
    @CurrentUser() user: User,
    @Param('stream_id') id: string,
    @Params(UpdateStreamDto) p: UpdateStreamDto,
  ) {
    const legacyPolicy =
      p.is_announcement_only === undefined
        ? undefined
        : p.is_announcement_only
          ? StreamPostPolicy.Admins
          : StreamPostPolicy.Everyone;
    await this.streams.updateStream(user, streamIdFromPath(id), {
      newName: p.new_name,
      description: p.description,
      isPrivate: p.is_private,
      historyPublicToSubscribers: p.history_public_to_subscribers,
      streamPostPolicy: p.stream_post_policy ?? legacyPolicy,
    });
    return {};
  }

  @Delete('streams/:stream_id')
  async remove(@CurrentUser() user: User, @Param('stream_id') id: string) {
    await this.streams.deleteStream(user, streamIdFromPath(id));
    return {};
  }

  @Get('default_streams')
  async defaults(@CurrentUser() user: User) {
    const streams = await this.streams.listDefaultStreams(user.realm_id);
    return { default_streams: streams.map(toApiStream) };
  }

  @Post('default_streams')
  @HttpCode(200)
  async addDefault(@CurrentUser() user: User, @Params(StreamIdDto) p: StreamIdDto) {
    await this.streams.addDefaultStream(user, p.stream_id);
    return {};
  }

  @Delete('default_streams')
  async removeDefault(@CurrentUser() user: User, @Params(StreamIdDto) p: StreamIdDto) {
    await this.streams.removeDefaultStream(user, p.stream_id);
    return {};
  }
}
