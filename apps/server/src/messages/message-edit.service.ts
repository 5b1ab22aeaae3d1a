import { Injectable } from '@nestjs/common';
import { ZulipError } from '../common/zulip-error';
import { Database } from '../database/database.service';
import type { Realm } from '../identity/realm.types';
import { StreamsService } from '../streams/streams.service';
import { UploadsService } from '../uploads/uploads.service';
import { UsersRepository } from '../identity/users.repository';
import { isAdmin, Role, User } from '../identity/user.types';
import { ContentRenderer } from './content-renderer.service';
import { EditsRepository } from './edits.repository';
import { MessageAnnouncer } from './message-announcer';
import type { DeleteResult, EditResult, PropagateMode } from './message-changes';
import { invalidMessage } from './message-fetch.service';
import { MessageRow, NO_TOPIC } from './message.types';
import { MessagesRepository } from './messages.repository';
import { normalizeEditedContent, normalizeEditedTopic } from './normalize';

export const PROPAGATE_MODES: PropagateMode[] = ['change_one', 'change_later', 'change_all'];

export interface EditInput {
  content?: string;
  topic?: string;
  streamId?: number;
  propagateMode: PropagateMode;
}

export interface HistoryEntry {
  topic: string;
  content: string;
  rendered_content: string;
  timestamp: number;
  user_id: number | null;
  prev_content?: string;
  prev_rendered_content?: string;
  prev_topic?: string;
  stream?: number;
  prev_stream?: number;
}

/** Zulip lets an edit through a little after the limit, for slow typists and slow networks. */
const EDIT_GRACE_SECONDS = 20;

const seconds = (d: Date): number => Math.floor(new Date(d).getTime() / 1000);

@Injectable()
export class MessageEditService {
  constructor(
    private readonly db: Database,
    private readonly messages: MessagesRepository,
    private readonly edits: EditsRepository,
    private readonly streams: StreamsService,
    private readonly renderer: ContentRenderer,
    private readonly users: UsersRepository,
    private readonly announcer: MessageAnnouncer,
    private readonly uploads: UploadsService,
  ) {}

  /**
   * Whether `user` acts as the message's sender: the sender, or an API super user (a mirror
   * bridge) relaying an edit or deletion made by the remote person a mirror dummy stands for.
   */
  private async actsAsSender(user: User, message: MessageRow): Promise<boolean> {
    if (message.sender_id === user.id) return true;
    if (!user.is_api_super_user) return false;
    const sender = await this.users.findById(message.sender_id);
    return sender?.is_mirror_dummy === true && sender.realm_id === user.realm_id;
  }

  async edit(user: User, realm: Realm, id: number, input: EditInput): Promise<EditResult> {
    if (input.content === undefined && input.topic === undefined && input.streamId === undefined) {
      throw ZulipError.badRequest('Nothing to change');
    }
    if (input.content !== undefined && input.streamId !== undefined) {
      throw ZulipError.badRequest('Cannot change message content while changing channel');
    }
    const message = await this.readable(user, realm, id);
    if (message.stream_id === null && input.streamId !== undefined) {
      throw ZulipError.badRequest('Direct messages cannot be moved to channels.');
    }
    if (message.stream_id === null && input.topic !== undefined) {
      throw ZulipError.badRequest('Direct messages cannot have topics.');
    }
    const asSender = await this.actsAsSender(user, message);
    if (input.content !== undefined) this.checkContentEdit(asSender, realm, message);
    const topic = input.topic !== undefined ? normalizeEditedTopic(input.topic) : undefined;
    let newStream: { id: number; invite_only: boolean } | undefined;
    if (topic !== undefined || input.streamId !== undefined)
      this.checkTopicEdit(user, asSender, realm, message);
    if (input.streamId !== undefined && input.streamId !== message.stream_id) {
      const stream = await this.streams.getStreamForUser(user, input.streamId);
      if (!(await this.streams.canPost(user, stream, realm))) {
        throw ZulipError.badRequest("You don't have permission to move this message");
      }
      newStream = stream;
    }
    const content = input.content !== undefined ? normalizeEditedContent(input.content) : undefined;
    const rendered =
      content !== undefined
        ? await this.renderer.render(realm, message.sender_id, content)
        : undefined;
    if (rendered) await this.renderer.assertGroupMentionsAllowed(user.id, rendered);
    const moving = (topic !== undefined && topic !== message.topic) || newStream !== undefined;

    return this.db.transaction(async () => {
      const targets =
        moving && message.stream_id !== null
          ? await this.edits.propagationTargets(
              id,
              message.stream_id,
              message.topic,
              input.propagateMode,
            )
          : [id];
      const newTopic = moving && topic !== undefined && topic !== message.topic ? topic : null;
      const newStreamId = newStream?.id ?? null;
      await this.edits.recordEdits([id], user.id, {
        content: content !== undefined,
        topic: newTopic,
        streamId: newStreamId,
      });
      const others = targets.filter((t) => t !== id);
      if (others.length > 0) {
        await this.edits.recordEdits(others, user.id, {
          content: false,
          topic: newTopic,
          streamId: newStreamId,
        });
      }
      if (content !== undefined && rendered) {
        await this.edits.updateContent(id, {
          content,
          rendered_content: rendered.html,
          has_link: rendered.hasLink,
          has_image: rendered.hasImage,
          has_attachment: rendered.hasAttachment,
        });
        await this.edits.updateMentions(id, rendered, message.sender_id);
      }
      const uploads =
        content !== undefined && rendered
          ? await this.uploads.contentEdited(user, id, rendered.uploadPathIds)
          : { detached: [] };
      if (moving) await this.edits.move(targets, newTopic, newStreamId);
      if (newStream)
        await this.edits.reassignRecipients(targets, newStream.id, newStream.invite_only);
      const result: EditResult = {
        messageId: id,
        messageIds: targets,
        userId: user.id,
        realmId: realm.id,
        editTimestamp: Math.floor(Date.now() / 1000),
        propagateMode: input.propagateMode,
        streamId: message.stream_id,
        recipients: await this.messages.recipientFlags(id, targets),
        detachedUploads: uploads.detached,
      };
      if (newStream) result.newStreamId = newStream.id;
      if (newTopic !== null) {
        result.origTopic = message.topic;
        result.topic = newTopic;
      }
      if (content !== undefined && rendered) {
        result.origContent = message.content;
        result.origRenderedContent = message.rendered_content;
        result.content = content;
        result.renderedContent = rendered.html;
        result.isMeMessage = rendered.isMeMessage;
      }
      await this.announcer.edited(result);
      return result;
    });
  }

  async delete(user: User, realm: Realm, id: number): Promise<DeleteResult> {
    const message = await this.readable(user, realm, id);
    const mirrored = message.sender_id !== user.id && (await this.actsAsSender(user, message));
    // A bridge relaying a remote deletion follows the remote side, not the realm's delete policy.
    if (!isAdmin(user) && !mirrored) {
      const own = message.sender_id === user.id;
      if (!own || !realm.allow_message_deleting) {
        throw ZulipError.badRequest("You don't have permission to delete this message");
      }
      const limit = realm.message_content_delete_limit_seconds;
      if (
        limit !== null &&
        Date.now() / 1000 - seconds(message.date_sent) > limit + EDIT_GRACE_SECONDS
      ) {
        throw ZulipError.badRequest('The time limit for deleting this message has passed');
      }
    }
    return this.db.transaction(async () => {
      const recipientUserIds = await this.messages.recipientsOf([id]);
      const linked = await this.uploads.linkedTo([id]);
      await this.edits.delete(id);
      const uploads = await this.uploads.messageDeleted(user, linked);
      const deleted: DeleteResult = {
        messageIds: [id],
        messageType: message.stream_id !== null ? 'stream' : 'private',
        streamId: message.stream_id,
        topic: message.stream_id !== null ? message.topic : null,
        recipientUserIds,
        detachedUploads: uploads.detached,
      };
      await this.announcer.deleted(deleted);
      return deleted;
    });
  }

  /** Every version of the message, oldest first, as Zulip's `message_history`. */
  async history(user: User, realm: Realm, id: number): Promise<HistoryEntry[]> {
    const message = await this.readable(user, realm, id);
    const edits = await this.edits.history(id);
    let current = {
      topic: message.topic,
      content: message.content,
      rendered_content: message.rendered_content,
      stream: message.stream_id,
    };
    const entries: HistoryEntry[] = [];
    for (const edit of [...edits].reverse()) {
      const entry: HistoryEntry = {
        topic: current.topic,
        content: current.content,
        rendered_content: current.rendered_content,
        timestamp: seconds(edit.edited_at),
        user_id: edit.user_id,
      };
      const previous = { ...current };
      if (edit.prev_content !== null) {
        entry.prev_content = edit.prev_content;
        entry.prev_rendered_content = edit.prev_rendered_content ?? '';
        previous.content = edit.prev_content;
        previous.rendered_content = edit.prev_rendered_content ?? '';
      }
      if (edit.prev_topic !== null) {
        entry.prev_topic = edit.prev_topic;
        previous.topic = edit.prev_topic;
      }
      if (edit.prev_stream_id !== null && edit.stream_id !== null) {
        entry.stream = edit.stream_id;
        entry.prev_stream = edit.prev_stream_id;
        previous.stream = edit.prev_stream_id;
      }
      entries.push(entry);
      current = previous;
    }
    entries.push({
      topic: current.topic,
      content: current.content,
      rendered_content: current.rendered_content,
      timestamp: seconds(message.date_sent),
      user_id: message.sender_id,
    });
    return entries.reverse();
  }

  private async readable(user: User, realm: Realm, id: number): Promise<MessageRow> {
    const [row] = await this.messages.findAccessible(realm.id, user.id, user.role === Role.Guest, [
      id,
    ]);
    if (!row) throw invalidMessage();
    return row;
  }

  /** Content: only the sender, only if the realm allows edits, and within its time limit. */
  private checkContentEdit(asSender: boolean, realm: Realm, message: MessageRow): void {
    if (!realm.allow_message_editing) {
      throw ZulipError.badRequest('Your organization has turned off message editing');
    }
    if (!asSender) {
      throw ZulipError.badRequest("You don't have permission to edit this message");
    }
    const limit = realm.message_content_edit_limit_seconds;
    if (
      limit !== null &&
      Date.now() / 1000 - seconds(message.date_sent) > limit + EDIT_GRACE_SECONDS
    ) {
      throw ZulipError.badRequest('The time limit for editing this message has past');
    }
  }

  /** Topics: admins always; otherwise the sender, or anyone for a message without a topic. */
  private checkTopicEdit(user: User, asSender: boolean, realm: Realm, message: MessageRow): void {
    if (isAdmin(user)) return;
    if (!realm.allow_message_editing) {
      throw ZulipError.badRequest('Your organization has turned off message editing');
    }
    if (!asSender && message.topic !== NO_TOPIC) {
      throw ZulipError.badRequest("You don't have permission to edit this message");
    }
  }
}
