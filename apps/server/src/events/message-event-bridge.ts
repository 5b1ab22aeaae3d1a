import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { EventPublisher } from '../event-publisher/event-publisher';
import type { EventRecipients } from '../event-publisher/event-sink';
import { LinkifiersRepository } from '../linkifiers/linkifiers.repository';
import type { DeleteResult, EditResult } from '../messages/message-edit.service';
import { MessageEvents } from '../messages/message-events';
import { presentMessages } from '../messages/message-presenter';
import type { SentMessage } from '../messages/message-send.service';
import { flagNames } from '../messages/flags';
import type { FlagChange } from '../messages/flags.service';
import type { ReactionChange } from '../messages/reactions.service';
import { renderTopicLinks } from '../messages/render-content';
import type { EventMessage, PublishableEvent } from '@hub/api/event.types';
import { MessageEventRepository } from './message-event.repository';

type Publication = { event: PublishableEvent; recipients: EventRecipients } | null;

/**
 * Turns what the messages module announces (after commit) into events. Publications are
 * prepared concurrently but appended in announcement order, so a message's edit never
 * overtakes the message.
 */
@Injectable()
export class MessageEventBridge implements OnModuleInit {
  private tail: Promise<void> = Promise.resolve();
  private readonly logger = new Logger('MessageEvents');

  constructor(
    private readonly source: MessageEvents,
    private readonly events: EventPublisher,
    private readonly repo: MessageEventRepository,
    private readonly linkifiers: LinkifiersRepository,
  ) {}

  onModuleInit(): void {
    this.source.on('sent', (sent) => this.enqueue(this.sent(sent)));
    this.source.on('edited', (edit) => this.enqueue(this.edited(edit)));
    this.source.on('deleted', (del) => this.enqueue(Promise.resolve(this.deleted(del))));
    this.source.on('flags', (f) => this.enqueue(Promise.resolve(this.flags(f.userId, f.change))));
    this.source.on('reaction', (change) => this.enqueue(this.reaction(change)));
  }

  /** Resolves when every announced change so far has been published (tests, shutdown). */
  drain(): Promise<void> {
    return this.tail;
  }

  private enqueue(prepared: Promise<Publication>): void {
    // Never let a failed preparation reject the chain or escape as an unhandled rejection.
    const safe = prepared.catch((err: unknown) => {
      this.logger.error(`Preparing an event failed: ${(err as Error).message}`);
      return null;
    });
    this.tail = this.tail
      .then(() => safe)
      .then((p) => (p ? this.events.publish(p.event, p.recipients) : undefined))
      .catch((err: unknown) => this.logger.error(`Publishing failed: ${(err as Error).message}`));
  }

  private async sent(sent: SentMessage): Promise<Publication> {
    const { message, sender, stream } = sent;
    const [linkifiers, dmUsers] = await Promise.all([
      this.linkifiers.list(message.realm_id),
      sent.dmUserIds ? this.repo.users(sent.dmUserIds) : Promise.resolve([]),
    ]);
    const [presented] = presentMessages(
      [
        {
          ...message,
          user_flags: null,
          stream_name: stream?.name ?? null,
          dm_user_ids: sent.dmUserIds,
        },
      ],
      {
        realmStr: sent.realmStr,
        users: [sender, ...dmUsers],
        reactions: [],
        edits: [],
        linkifiers,
        applyMarkdown: true,
        clientGravatar: false,
      },
    );
    const { flags: _readerFlags, ...eventMessage } = presented;
    const flags = new Map(sent.recipients.map((r) => [r.user_id, flagNames(r.flags)]));
    return {
      event: {
        type: 'message',
        message: eventMessage as EventMessage,
        raw_content: message.content,
        gravatar_avatar: sender.avatar_source === 'G',
      },
      recipients: {
        userIds: sent.recipients.map((r) => r.user_id),
        flags,
        publicStreamRealmId: stream && !stream.invite_only ? message.realm_id : undefined,
      },
    };
  }

  private async edited(edit: EditResult): Promise<Publication> {
    const topicChanged = edit.topic !== undefined;
    const linkifiers = topicChanged ? await this.linkifiers.list(edit.realmId) : [];
    return {
      event: {
        type: 'update_message',
        user_id: edit.userId,
        message_id: edit.messageId,
        message_ids: edit.messageIds,
        flags: [],
        edit_timestamp: edit.editTimestamp,
        rendering_only: false,
        ...(edit.streamId !== null ? { stream_id: edit.streamId } : {}),
        ...(edit.newStreamId !== undefined ? { new_stream_id: edit.newStreamId } : {}),
        ...(topicChanged || edit.newStreamId !== undefined
          ? { propagate_mode: edit.propagateMode }
          : {}),
        ...(topicChanged
          ? {
              orig_subject: edit.origTopic,
              subject: edit.topic,
              topic_links: renderTopicLinks(edit.topic ?? '', linkifiers),
            }
          : {}),
        ...(edit.content !== undefined
          ? {
              orig_content: edit.origContent,
              orig_rendered_content: edit.origRenderedContent,
              content: edit.content,
              rendered_content: edit.renderedContent,
              is_me_message: edit.isMeMessage ?? false,
            }
          : {}),
      },
      recipients: {
        userIds: edit.recipients.map((r) => r.user_id),
        flags: new Map(edit.recipients.map((r) => [r.user_id, flagNames(r.flags)])),
      },
    };
  }

  private deleted(del: DeleteResult): Publication {
    return {
      event: {
        type: 'delete_message',
        message_type: del.messageType,
        message_ids: [del.messageId],
        ...(del.streamId !== null ? { stream_id: del.streamId, topic: del.topic ?? '' } : {}),
      },
      recipients: { userIds: del.recipientUserIds },
    };
  }

  private flags(userId: number, change: FlagChange): Publication {
    return {
      event: {
        type: 'update_message_flags',
        op: change.op,
        operation: change.op,
        flag: change.flag,
        messages: change.messages,
        all: change.all,
      },
      recipients: { userIds: [userId] },
    };
  }

  private async reaction(change: ReactionChange): Promise<Publication> {
    const [user] = await this.repo.users([change.userId]);
    if (!user) return null;
    return {
      event: {
        type: 'reaction',
        op: change.op,
        user_id: user.id,
        user: { user_id: user.id, email: user.email, full_name: user.full_name },
        message_id: change.messageId,
        emoji_name: change.emoji_name,
        emoji_code: change.emoji_code,
        reaction_type: change.reaction_type,
      },
      recipients: { userIds: change.recipientUserIds },
    };
  }
}
