import { Injectable } from '@nestjs/common';
import type { StreamEvent } from '@hub/api/event.types';
import { AudienceRepository } from '../event-publisher/audience.repository';
import { EventPublisher } from '../event-publisher/event-publisher';
import { toApiStream, toApiSubscription } from './stream-format';
import type { Stream } from './stream.types';
import { StreamsRepository } from './streams.repository';
import { SubscriptionsRepository } from './subscriptions.repository';

/** A (user, stream) pair a mutation added or removed. */
export interface SubscriptionPair {
  user_id: number;
  stream_id: number;
}

type StreamUpdateEvent = Extract<StreamEvent, { op: 'update' }>;

/** The property-specific part of a `stream` update event. */
export type StreamUpdateFields = Omit<StreamUpdateEvent, 'type' | 'op' | 'stream_id' | 'name'>;

/**
 * The events stream and subscription changes emit, with the visibility rule: a public stream is
 * seen by every non-guest member plus its subscribers; a private stream only by its subscribers
 * (administrators included only when subscribed).
 */
@Injectable()
export class StreamEvents {
  constructor(
    private readonly events: EventPublisher,
    private readonly audience: AudienceRepository,
    private readonly streams: StreamsRepository,
    private readonly subscriptions: SubscriptionsRepository,
  ) {}

  /** Who can see the stream right now. */
  async audienceOf(stream: Stream): Promise<number[]> {
    const subscribers = await this.audience.subscriberIds(stream.id);
    if (stream.invite_only) return subscribers;
    const members = await this.audience.activeNonGuestIds(stream.realm_id);
    return [...new Set([...members, ...subscribers])];
  }

  async created(streams: Stream[]): Promise<void> {
    for (const stream of streams) {
      await this.toAudience(stream, await this.audienceOf(stream), {
        type: 'stream',
        op: 'create',
        streams: [toApiStream(stream)],
      });
    }
  }

  /** `audience`: who could see the stream before it was archived. */
  async deleted(stream: Stream, audience: number[]): Promise<void> {
    await this.toAudience(stream, audience, {
      type: 'stream',
      op: 'delete',
      streams: [{ stream_id: stream.id }],
      stream_ids: [stream.id],
    });
  }

  /**
   * One `stream` update per changed property. `before` is the stream as it was, `audienceBefore`
   * who saw it then: users who lose sight of a stream made private get a `delete`, users who gain
   * sight of a stream made public get a `create`.
   */
  async updated(
    before: Stream,
    audienceBefore: number[],
    updates: StreamUpdateFields[],
  ): Promise<void> {
    const after = await this.streams.findById(before.id);
    if (!after) return;
    const audienceAfter = await this.audienceOf(after);
    const now = new Set(audienceAfter);
    const was = new Set(audienceBefore);
    const lost = audienceBefore.filter((id) => !now.has(id));
    const gained = audienceAfter.filter((id) => !was.has(id));
    if (lost.length > 0) await this.deleted(before, lost);
    if (gained.length > 0) {
      await this.events.toUsers(gained, {
        type: 'stream',
        op: 'create',
        streams: [toApiStream(after)],
      });
    }
    const stayed = audienceAfter.filter((id) => was.has(id));
    for (const update of updates) {
      await this.toAudience(after, stayed, {
        type: 'stream',
        op: 'update',
        stream_id: before.id,
        name: before.name,
        ...update,
      });
    }
  }

  /** `subscription add` to each new subscriber, then `peer_add` to everyone else who can see. */
  async subscribed(pairs: SubscriptionPair[]): Promise<void> {
    if (pairs.length === 0) return;
    const streamIds = [...new Set(pairs.map((p) => p.stream_id))];
    const subscribers = await this.subscriptions.subscribersOf(streamIds);
    for (const userId of new Set(pairs.map((p) => p.user_id))) {
      const mine = new Set(pairs.filter((p) => p.user_id === userId).map((p) => p.stream_id));
      const subs = (await this.subscriptions.listForUser(userId)).filter((s) => mine.has(s.id));
      await this.events.toUsers([userId], {
        type: 'subscription',
        op: 'add',
        subscriptions: subs.map((s) => ({
          ...toApiSubscription(s, subscribers.get(s.id)),
          stream_id: s.id,
          name: s.name,
        })),
      });
    }
    await this.peers('peer_add', pairs);
  }

  async unsubscribed(pairs: SubscriptionPair[], streams: Stream[]): Promise<void> {
    if (pairs.length === 0) return;
    const byId = new Map(streams.map((s) => [s.id, s]));
    for (const userId of new Set(pairs.map((p) => p.user_id))) {
      const removed = pairs
        .filter((p) => p.user_id === userId)
        .map((p) => ({ stream_id: p.stream_id, name: byId.get(p.stream_id)?.name ?? '' }));
      await this.events.toUsers([userId], {
        type: 'subscription',
        op: 'remove',
        subscriptions: removed,
      });
    }
    await this.peers('peer_remove', pairs);
  }

  async propertyChanged(
    userId: number,
    streamId: number,
    property: string,
    value: string | boolean,
  ): Promise<void> {
    await this.events.toUsers([userId], {
      type: 'subscription',
      op: 'update',
      stream_id: streamId,
      property,
      value,
    });
  }

  /** The full list of default streams, to the whole realm. */
  async defaultStreamsChanged(realmId: number): Promise<void> {
    const defaults = await this.streams.listDefaults(realmId);
    await this.events.toRealm(realmId, {
      type: 'default_streams',
      default_streams: defaults.map(toApiStream),
    });
  }

  private async peers(op: 'peer_add' | 'peer_remove', pairs: SubscriptionPair[]): Promise<void> {
    for (const streamId of new Set(pairs.map((p) => p.stream_id))) {
      const stream = await this.streams.findById(streamId);
      if (!stream) continue;
      const changed = pairs.filter((p) => p.stream_id === streamId).map((p) => p.user_id);
      const others = (await this.audienceOf(stream)).filter((id) => !changed.includes(id));
      await this.toAudience(stream, others, {
        type: 'subscription',
        op,
        stream_ids: [streamId],
        user_ids: changed,
      });
    }
  }

  private async toAudience(
    stream: Stream,
    userIds: number[],
    event: Parameters<EventPublisher['toUsers']>[1],
  ): Promise<void> {
    await this.events.toUsers(userIds, event, stream.invite_only ? undefined : stream.realm_id);
  }
}
