import { Injectable } from '@nestjs/common';
import { ZulipError } from '../../common/zulip-error';
import type { User } from '../../identity/user.types';
import { AudienceRepository } from '../../event-publisher/audience.repository';
import { EventPublisher } from '../../event-publisher/event-publisher';
import { AudienceUser, PresenceRepository } from './presence.repository';
import type { TypingDto } from './dto/presence.dto';
import type { EventUserRef } from '@hub/api/event.types';

const ref = (u: Pick<AudienceUser, 'id' | 'email'>): EventUserRef => ({
  user_id: u.id,
  email: u.email,
});

/** `POST /typing`: start/stop notifications to a DM's participants or a topic's subscribers. */
@Injectable()
export class TypingService {
  constructor(
    private readonly lookups: PresenceRepository,
    private readonly audience: AudienceRepository,
    private readonly events: EventPublisher,
  ) {}

  async notify(user: User, p: TypingDto): Promise<void> {
    const kind = p.type ?? 'direct';
    if (kind === 'stream' || kind === 'channel') return this.streamTyping(user, p);
    const recipients = await this.dmRecipients(user, p.to);
    const all = [ref(user), ...recipients.filter((r) => r.id !== user.id).map(ref)];
    all.sort((a, b) => a.user_id - b.user_id);
    await this.events.toUsers(
      all.map((r) => r.user_id),
      { type: 'typing', op: p.op, message_type: 'direct', sender: ref(user), recipients: all },
    );
  }

  private async dmRecipients(user: User, to: unknown): Promise<AudienceUser[]> {
    const list = Array.isArray(to) ? to : typeof to === 'string' ? to.split(',') : undefined;
    if (!list || list.length === 0) throw ZulipError.missing('to');
    const ids = list.filter((v): v is number => Number.isInteger(v));
    const emails = list.filter((v): v is string => typeof v === 'string').map((e) => e.trim());
    if (ids.length + emails.length !== list.length) {
      throw ZulipError.invalid('to', 'must be a list of user IDs');
    }
    const found = [
      ...(ids.length ? await this.lookups.usersByIds(user.realm_id, ids) : []),
      ...(emails.length ? await this.lookups.usersByEmails(user.realm_id, emails) : []),
    ];
    if (found.length < new Set([...ids, ...emails.map((e) => e.toLowerCase())]).size) {
      throw new ZulipError('BAD_REQUEST', 'Invalid user ID', 400);
    }
    if (found.some((u) => !u.is_active)) {
      throw new ZulipError(
        'BAD_REQUEST',
        'Cannot send typing notifications to deactivated users',
        400,
      );
    }
    return found;
  }

  private async streamTyping(user: User, p: TypingDto): Promise<void> {
    const legacyTo = Array.isArray(p.to) && Number.isInteger(p.to[0]) ? Number(p.to[0]) : undefined;
    const streamId = p.stream_id ?? legacyTo;
    if (streamId === undefined) throw ZulipError.missing('stream_id');
    if (p.topic === undefined) throw ZulipError.missing('topic');
    const stream = await this.lookups.stream(user.realm_id, streamId, user.id);
    // A private stream is invisible to non-subscribers: same answer as a missing one.
    if (!stream || (stream.invite_only && !stream.subscribed)) {
      throw new ZulipError(
        'STREAM_DOES_NOT_EXIST',
        `Channel with ID '${streamId}' does not exist`,
        400,
        {
          stream: streamId,
        },
      );
    }
    const userIds = await this.audience.subscriberIds(stream.id);
    await this.events.toUsers(userIds, {
      type: 'typing',
      op: p.op,
      message_type: 'stream',
      sender: ref(user),
      stream_id: stream.id,
      topic: p.topic,
    });
  }
}
