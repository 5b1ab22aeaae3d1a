import { Injectable } from '@nestjs/common';
import type { ScheduledMessage } from '@hub/api/scheduled-message.types';
import { ZulipError } from '../common/zulip-error';
import { Database } from '../database/database.service';
import { EventPublisher } from '../event-publisher/event-publisher';
import type { Realm } from '../identity/realm.types';
import { UsersRepository } from '../identity/users.repository';
import type { User } from '../identity/user.types';
import { ContentRenderer } from '../messages/content-renderer.service';
import {
  normalizeContent,
  normalizeTopic,
  parseDirectRecipients,
  parseStreamRecipient,
} from '../messages/normalize';
import { StreamsService } from '../streams/streams.service';
import { toApiScheduledMessage } from './scheduled-message-format';
import {
  ScheduledMessageInput,
  ScheduledMessageRow,
  ScheduledMessagesRepository,
} from './scheduled-messages.repository';

export interface ScheduleRequest {
  type: string;
  to: unknown;
  topic?: string;
  content: string;
  scheduledDeliveryTimestamp: number;
  readBySender?: boolean;
  client: string;
}

export interface ScheduleEdit {
  type?: string;
  to?: unknown;
  topic?: string;
  content?: string;
  scheduledDeliveryTimestamp?: number;
}

function messageKind(type: string): 'stream' | 'private' {
  if (type === 'stream' || type === 'channel') return 'stream';
  if (type === 'private' || type === 'direct') return 'private';
  throw ZulipError.badRequest('Invalid message type');
}

function notFound(): ZulipError {
  return ZulipError.notFound('Scheduled message does not exist');
}

/**
 * A user's scheduled messages: checked as a send would be when scheduled or edited, announced to
 * their owner alone. ScheduledMessagesSender sends them at their time.
 */
@Injectable()
export class ScheduledMessagesService {
  constructor(
    private readonly repo: ScheduledMessagesRepository,
    private readonly streams: StreamsService,
    private readonly users: UsersRepository,
    private readonly renderer: ContentRenderer,
    private readonly events: EventPublisher,
    private readonly db: Database,
  ) {}

  async list(user: User): Promise<ScheduledMessage[]> {
    return (await this.repo.listPending(user.id)).map(toApiScheduledMessage);
  }

  async create(user: User, realm: Realm, request: ScheduleRequest): Promise<number> {
    const input = await this.check(user, realm, {
      kind: messageKind(request.type),
      to: request.to,
      topic: request.topic,
      content: request.content,
      timestamp: request.scheduledDeliveryTimestamp,
    });
    return this.db.transaction(async () => {
      const row = await this.repo.create(
        realm.id,
        user.id,
        input,
        request.client,
        request.readBySender,
      );
      await this.events.toUsers([user.id], {
        type: 'scheduled_messages',
        op: 'add',
        scheduled_messages: [toApiScheduledMessage(row)],
      });
      return row.id;
    });
  }

  async update(user: User, realm: Realm, id: number, edit: ScheduleEdit): Promise<void> {
    if (Object.values(edit).every((v) => v === undefined)) {
      throw ZulipError.badRequest('Nothing to change');
    }
    const old = await this.repo.findPending(user.id, id);
    if (!old) throw notFound();
    const kind = edit.type === undefined ? old.type : messageKind(edit.type);
    if (kind !== old.type && edit.to === undefined) {
      throw ZulipError.badRequest('Recipient required when updating type of scheduled message.');
    }
    const input = await this.check(user, realm, {
      kind,
      to: edit.to ?? (old.type === 'stream' ? old.stream_id : old.user_ids),
      topic: edit.topic ?? old.topic,
      content: edit.content ?? old.content,
      timestamp:
        edit.scheduledDeliveryTimestamp ?? new Date(old.scheduled_timestamp).getTime() / 1000,
    });
    await this.db.transaction(async () => {
      const row = await this.repo.update(user.id, id, input);
      if (!row) throw notFound();
      await this.events.toUsers([user.id], {
        type: 'scheduled_messages',
        op: 'update',
        scheduled_message: toApiScheduledMessage(row),
      });
    });
  }

  async remove(user: User, id: number): Promise<void> {
    await this.db.transaction(async () => {
      if (!(await this.repo.delete(user.id, id))) throw notFound();
      await this.events.toUsers([user.id], {
        type: 'scheduled_messages',
        op: 'remove',
        scheduled_message_id: id,
      });
    });
  }

  /** Announces to its owner that a message could not be sent at its time. */
  async announceFailure(row: ScheduledMessageRow): Promise<void> {
    await this.events.toUsers([row.sender_id], {
      type: 'scheduled_messages',
      op: 'update',
      scheduled_message: toApiScheduledMessage(row),
    });
  }

  /** The same rules as sending now: a stream the user may post in, users of the realm. */
  private async check(
    user: User,
    realm: Realm,
    draft: {
      kind: 'stream' | 'private';
      to: unknown;
      topic?: string;
      content: string;
      timestamp: number;
    },
  ): Promise<ScheduledMessageInput> {
    const scheduledTimestamp = new Date(draft.timestamp * 1000);
    if (scheduledTimestamp.getTime() <= Date.now()) {
      throw ZulipError.badRequest('Scheduled delivery time must be in the future.');
    }
    const content = normalizeContent(draft.content);
    // Checked now, as a send would be: a mention the user may not make is refused at once.
    const renderedContent = async () => {
      const rendered = await this.renderer.render(realm, user.id, content);
      await this.renderer.assertGroupMentionsAllowed(user.id, rendered);
      return rendered.html;
    };
    if (draft.kind === 'stream') {
      const stream = await this.streams.getStreamForSending(user, parseStreamRecipient(draft.to));
      if (!(await this.streams.canPost(user, stream, realm))) {
        throw ZulipError.badRequest('You do not have permission to post in this channel.');
      }
      return {
        type: 'stream',
        streamId: stream.id,
        userIds: [],
        topic: normalizeTopic(draft.topic, realm.mandatory_topics),
        content,
        renderedContent: await renderedContent(),
        scheduledTimestamp,
      };
    }
    const { ids, emails } = parseDirectRecipients(draft.to);
    const found =
      ids.length > 0
        ? await this.users.findManyByIds(realm.id, ids)
        : await this.users.findManyByEmails(realm.id, emails);
    const missingId = ids.find((id) => !found.some((u) => u.id === id));
    if (missingId !== undefined) throw ZulipError.badRequest(`Invalid user ID ${missingId}`);
    const missingEmail = emails.find(
      (e) => !found.some((u) => u.email.toLowerCase() === e.toLowerCase()),
    );
    if (missingEmail !== undefined) throw ZulipError.badRequest(`Invalid email '${missingEmail}'`);
    const gone = found.find((u) => !u.is_active);
    if (gone) throw ZulipError.badRequest(`'${gone.email}' is no longer using Zulip.`);
    return {
      type: 'private',
      streamId: null,
      userIds: [...new Set(found.map((u) => u.id))].sort((a, b) => a - b),
      topic: '',
      content,
      renderedContent: await renderedContent(),
      scheduledTimestamp,
    };
  }
}
