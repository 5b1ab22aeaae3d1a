import { Injectable } from '@nestjs/common';
import { Database } from '../database/database.service';
import { EventPublisher } from '../event-publisher/event-publisher';
import type { User } from '../identity/user.types';
import { LinkifiersRepository } from '../linkifiers/linkifiers.repository';
import { flagNames } from './flags';
import type {
  DeleteResult,
  EditResult,
  FlagChange,
  ReactionChange,
  SentMessage,
} from './message-changes';
import { presentMessages } from './message-presenter';
import { MessagesRepository } from './messages.repository';
import { renderTopicLinks } from './render-content';

/** Work that must follow a committed send inside this process (service-bot triggers). */
export type SentMessageListener = (sent: SentMessage) => void;
/** Work that must follow a committed "mark as read" (push notification removals). */
export type ReadListener = (userId: number, messageIds: number[]) => void;

/**
 * Turns what the message services did into events and hands them to the EventPublisher, inside
 * the caller's transaction: delivered after commit, in order (an edit never overtakes its
 * message). Each event costs a fixed number of queries whatever its audience.
 */
@Injectable()
export class MessageAnnouncer {
  private readonly sentListeners: SentMessageListener[] = [];
  private readonly readListeners: ReadListener[] = [];

  constructor(
    private readonly publisher: EventPublisher,
    private readonly linkifiers: LinkifiersRepository,
    private readonly messages: MessagesRepository,
    private readonly db: Database,
  ) {}

  /** Registers in-process work to run after each committed send (listeners must not throw). */
  onSent(listener: SentMessageListener): void {
    this.sentListeners.push(listener);
  }

  /** Registers in-process work to run after each committed read (listeners must not throw). */
  onRead(listener: ReadListener): void {
    this.readListeners.push(listener);
  }

  async sent(sent: SentMessage): Promise<void> {
    const { message, sender, stream } = sent;
    const [linkifiers, dmUsers] = await Promise.all([
      this.linkifiers.list(message.realm_id),
      sent.dmUserIds ? this.messages.usersByIds(sent.dmUserIds) : Promise.resolve([]),
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
    await this.publisher.publish(
      {
        type: 'message',
        message: eventMessage,
        raw_content: message.content,
        gravatar_avatar: sender.avatar_source === 'G',
      },
      {
        userIds: sent.recipients.map((r) => r.user_id),
        flags: new Map(sent.recipients.map((r) => [r.user_id, flagNames(r.flags)])),
        publicStreamRealmId: stream && !stream.invite_only ? message.realm_id : undefined,
      },
    );
    const listeners = this.sentListeners;
    await this.db.afterCommit(async () => listeners.forEach((listener) => listener(sent)));
  }

  async edited(edit: EditResult): Promise<void> {
    const topicChanged = edit.topic !== undefined;
    const linkifiers = topicChanged ? await this.linkifiers.list(edit.realmId) : [];
    await this.publisher.publish(
      {
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
      {
        userIds: edit.recipients.map((r) => r.user_id),
        flags: new Map(edit.recipients.map((r) => [r.user_id, flagNames(r.flags)])),
      },
    );
  }

  async deleted(del: DeleteResult): Promise<void> {
    await this.publisher.toUsers(del.recipientUserIds, {
      type: 'delete_message',
      message_type: del.messageType,
      message_ids: del.messageIds,
      ...(del.streamId !== null ? { stream_id: del.streamId, topic: del.topic ?? '' } : {}),
    });
  }

  /** To the user whose flags changed (their other clients); nothing when nothing changed. */
  async flags(userId: number, change: FlagChange): Promise<void> {
    if (change.messages.length === 0) return;
    await this.publisher.toUsers([userId], {
      type: 'update_message_flags',
      op: change.op,
      operation: change.op,
      flag: change.flag,
      messages: change.messages,
      all: change.all,
    });
    if (change.op === 'add' && change.flag === 'read' && this.readListeners.length > 0) {
      const listeners = this.readListeners;
      await this.db.afterCommit(async () =>
        listeners.forEach((listener) => listener(userId, change.messages)),
      );
    }
  }

  async reaction(user: User, change: ReactionChange): Promise<void> {
    await this.publisher.toUsers(change.recipientUserIds, {
      type: 'reaction',
      op: change.op,
      user_id: user.id,
      user: { user_id: user.id, email: user.email, full_name: user.full_name },
      message_id: change.messageId,
      emoji_name: change.emoji_name,
      emoji_code: change.emoji_code,
      reaction_type: change.reaction_type,
    });
  }
}
