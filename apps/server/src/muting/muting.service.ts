import { Injectable } from '@nestjs/common';
import { VISIBILITY_POLICIES, VisibilityPolicy } from '@hub/api/muting.types';
import { ZulipError } from '../common/zulip-error';
import { Database } from '../database/database.service';
import { EventPublisher } from '../event-publisher/event-publisher';
import { noSuchUser } from '../identity/permissions';
import { UsersRepository } from '../identity/users.repository';
import type { User } from '../identity/user.types';
import { StreamsService } from '../streams/streams.service';
import { toMutedTopics, toMutedUsers, toUserTopic } from './muting-format';
import { MutingRepository } from './muting.repository';

/**
 * A user's own muting: topic policies (muted, unmuted, followed) and muted users. Every change is
 * announced to that user alone; muting someone also marks what they sent as read.
 */
@Injectable()
export class MutingService {
  constructor(
    private readonly muting: MutingRepository,
    private readonly streams: StreamsService,
    private readonly users: UsersRepository,
    private readonly events: EventPublisher,
    private readonly db: Database,
  ) {}

  /** `POST /user_topics`. */
  async setTopicPolicy(
    user: User,
    streamId: number,
    topic: string,
    policy: VisibilityPolicy,
  ): Promise<void> {
    const stream = await this.streams.getStreamForUser(user, streamId);
    await this.db.transaction(() => this.applyPolicy(user, stream.id, topic.trim(), policy));
  }

  /** The legacy `PATCH /users/me/subscriptions/muted_topics`. */
  async muteTopic(
    user: User,
    input: { streamId?: number; stream?: string; topic: string; op: 'add' | 'remove' },
  ): Promise<void> {
    if (input.streamId !== undefined && input.stream !== undefined) {
      throw ZulipError.badRequest("Please choose one: 'stream' or 'stream_id'.");
    }
    const ref = input.streamId ?? input.stream;
    if (ref === undefined) throw ZulipError.badRequest("Please supply 'stream'.");
    const stream = await this.streams.getStreamForUser(user, ref);
    const topic = input.topic.trim();
    await this.db.transaction(async () => {
      const muted =
        (await this.muting.topicPolicy(user.id, stream.id, topic)) === VISIBILITY_POLICIES.muted;
      if (input.op === 'add' && muted) throw ZulipError.badRequest('Topic already muted');
      if (input.op === 'remove' && !muted) throw ZulipError.badRequest('Topic is not muted');
      const policy = input.op === 'add' ? VISIBILITY_POLICIES.muted : VISIBILITY_POLICIES.inherit;
      await this.applyPolicy(user, stream.id, topic, policy);
    });
  }

  async muteUser(user: User, mutedUserId: number): Promise<void> {
    if (mutedUserId === user.id) throw ZulipError.badRequest('Cannot mute self');
    await this.requireUser(user, mutedUserId);
    await this.db.transaction(async () => {
      if (!(await this.muting.mute(user.id, mutedUserId))) {
        throw ZulipError.badRequest('User already muted');
      }
      await this.announceMutedUsers(user);
      const read = await this.muting.markSenderRead(user.id, mutedUserId);
      if (read.length > 0) {
        await this.events.toUsers([user.id], {
          type: 'update_message_flags',
          op: 'add',
          operation: 'add',
          flag: 'read',
          messages: read,
          all: false,
        });
      }
    });
  }

  async unmuteUser(user: User, mutedUserId: number): Promise<void> {
    await this.requireUser(user, mutedUserId);
    await this.db.transaction(async () => {
      if (!(await this.muting.unmute(user.id, mutedUserId))) {
        throw ZulipError.badRequest('User is not muted');
      }
      await this.announceMutedUsers(user);
    });
  }

  private async applyPolicy(
    user: User,
    streamId: number,
    topic: string,
    policy: VisibilityPolicy,
  ): Promise<void> {
    const when = await this.muting.setTopicPolicy(user.id, streamId, topic, policy);
    await this.events.toUsers([user.id], {
      type: 'user_topic',
      ...toUserTopic({
        stream_id: streamId,
        stream_name: '',
        topic_name: topic,
        visibility_policy: policy,
        last_updated: when,
      }),
    });
    await this.events.toUsers([user.id], {
      type: 'muted_topics',
      muted_topics: toMutedTopics(await this.muting.userTopics(user.id)),
    });
  }

  private async announceMutedUsers(user: User): Promise<void> {
    await this.events.toUsers([user.id], {
      type: 'muted_users',
      muted_users: toMutedUsers(await this.muting.mutedUsers(user.id)),
    });
  }

  /** Any user of the realm (bots and deactivated users too), as Zulip lets one mute them. */
  private async requireUser(user: User, id: number): Promise<void> {
    const [found] = await this.users.findManyByIds(user.realm_id, [id]);
    if (!found) throw noSuchUser();
  }
}
