import { Injectable, Optional } from '@nestjs/common';
import { ZulipError } from '../common/zulip-error';
import { ServerMetrics } from '../metrics/server-metrics';
import type { Realm } from '../identity/realm.types';
import { StreamsService } from '../streams/streams.service';
import { UploadsService } from '../uploads/uploads.service';
import { UsersRepository } from '../identity/users.repository';
import type { User } from '../identity/user.types';
import { MessagesRepository, NewMessage, RecipientSpec } from './messages.repository';
import type { RenderedContent } from './render-content';
import { MirrorUsers } from './mirror-users';
import {
  isTruthyFlag,
  MIRROR_CLIENTS,
  normalizeContent,
  normalizeTopic,
  parseDirectRecipients,
  parseStreamRecipient,
} from './normalize';
import { ContentRenderer } from './content-renderer.service';
import type { SentMessage } from './message-changes';
import { MessageAnnouncer } from './message-announcer';

export interface SendInput {
  type: string;
  to: unknown;
  topic?: string;
  content: string;
  client: string;
  queueId?: string;
  localId?: string;
  sender?: string;
  forged?: string | boolean;
  time?: number;
  realmStr?: string;
  readBySender?: boolean;
}

/** How the server itself sends, never reachable from a request's parameters. */
export interface SendOptions {
  /**
   * The sender may post to the stream whatever its subscriptions and the stream's posting
   * policy: for system senders whose authority comes from elsewhere (the email gateway's bot,
   * which the channel's secret address authorizes). The stream must still be active.
   */
  systemSender?: boolean;
}

@Injectable()
export class MessageSendService {
  constructor(
    private readonly messages: MessagesRepository,
    private readonly streams: StreamsService,
    private readonly users: UsersRepository,
    private readonly mirrors: MirrorUsers,
    private readonly renderer: ContentRenderer,
    private readonly announcer: MessageAnnouncer,
    private readonly uploads: UploadsService,
    @Optional() private readonly metrics?: ServerMetrics,
  ) {}

  /** Stores the message and announces it (the `message` event, service-bot triggers). */
  async send(
    user: User,
    realm: Realm,
    input: SendInput,
    options: SendOptions = {},
  ): Promise<SentMessage> {
    const sent = await this.store(user, realm, input, options);
    await this.announcer.sent(sent);
    this.metrics?.messagesSent.inc();
    return sent;
  }

  private async store(
    user: User,
    realm: Realm,
    input: SendInput,
    options: SendOptions,
  ): Promise<SentMessage> {
    const kind = this.messageKind(input.type);
    const forged = isTruthyFlag(input.forged);
    if (input.realmStr !== undefined && input.realmStr !== realm.string_id) {
      throw ZulipError.unauthorizedQuery();
    }
    if (forged && !user.is_api_super_user) throw ZulipError.unauthorizedQuery();
    const mirrored = MIRROR_CLIENTS.has(input.client);
    if (!mirrored && input.sender !== undefined) {
      throw ZulipError.badRequest('Invalid mirrored message');
    }
    if (mirrored && input.sender === undefined) throw ZulipError.badRequest('Missing sender');
    const content = normalizeContent(input.content);

    let sender = user;
    if (mirrored && input.sender !== undefined) {
      const asSomeoneElse = input.sender.trim().toLowerCase() !== user.email.toLowerCase();
      // Only API super users may speak for someone else, and only they may mirror into streams.
      if ((asSomeoneElse || kind === 'stream') && !user.is_api_super_user) {
        throw ZulipError.unauthorizedQuery();
      }
      [sender] = await this.mirrors.findOrCreate(realm.id, [input.sender], input.client);
    }
    const dateSent = forged && input.time !== undefined ? new Date(input.time * 1000) : null;
    if (dateSent && Number.isNaN(dateSent.getTime())) throw ZulipError.invalid('time');

    if (kind === 'stream') {
      const target = parseStreamRecipient(input.to);
      // The authenticated user (the bridge, for mirrors) must be allowed to post there.
      const topic = normalizeTopic(input.topic, realm.mandatory_topics);
      // Rendering does not depend on the stream: overlap it with the stream lookup.
      const [stream, rendered] = await Promise.all([
        options.systemSender
          ? this.streams.getActiveStream(realm.id, target)
          : this.streams.getStreamForSending(user, target),
        this.renderer.render(realm, sender.id, content),
      ]);
      if (!options.systemSender && !(await this.streams.canPost(user, stream, realm))) {
        throw ZulipError.badRequest('You do not have permission to post in this channel.');
      }
      await this.renderer.assertGroupMentionsAllowed(sender.id, rendered);
      // One statement stores the message and every recipient row: atomic on its own.
      const stored = await this.messages.insertWithRecipients(
        this.newMessage(realm, sender, input, content, rendered, dateSent, stream.id, topic),
        this.recipientSpec('stream', input, rendered, true),
      );
      await this.uploads.claim(sender, stored.message.id, rendered.uploadPathIds);
      return {
        ...stored,
        realmStr: realm.string_id,
        sender,
        stream: { id: stream.id, name: stream.name, invite_only: stream.invite_only },
        dmUserIds: null,
        queueId: input.queueId,
        localId: input.localId,
      };
    }

    const recipients = await this.directRecipients(realm, input, mirrored);
    const userIds = [...new Set([sender.id, ...recipients.map((r) => r.id)])].sort((a, b) => a - b);
    const rendered = await this.renderer.render(realm, sender.id, content);
    await this.renderer.assertGroupMentionsAllowed(sender.id, rendered);
    const stored = await this.messages.insertWithRecipients(
      this.newMessage(realm, sender, input, content, rendered, dateSent, null, ''),
      this.recipientSpec({ userIds }, input, rendered, false),
    );
    await this.uploads.claim(sender, stored.message.id, rendered.uploadPathIds);
    return {
      ...stored,
      realmStr: realm.string_id,
      sender,
      stream: null,
      dmUserIds: userIds,
      queueId: input.queueId,
      localId: input.localId,
    };
  }

  private newMessage(
    realm: Realm,
    sender: User,
    input: SendInput,
    content: string,
    rendered: RenderedContent,
    dateSent: Date | null,
    streamId: number | null,
    topic: string,
  ): NewMessage {
    return {
      realm_id: realm.id,
      sender_id: sender.id,
      stream_id: streamId,
      topic,
      content,
      rendered_content: rendered.html,
      sending_client: input.client,
      date_sent: dateSent,
      has_link: rendered.hasLink,
      has_image: rendered.hasImage,
      has_attachment: rendered.hasAttachment,
    };
  }

  private recipientSpec(
    source: RecipientSpec['source'],
    input: SendInput,
    rendered: RenderedContent,
    inStream: boolean,
  ): RecipientSpec {
    return {
      source,
      readBySender: input.readBySender ?? true,
      mentionedUserIds: rendered.mentionedUserIds,
      mentionedGroupIds: rendered.mentionedGroupIds,
      streamWildcardMentioned: rendered.streamWildcardMentioned,
      topicWildcardMentioned: inStream && rendered.topicWildcardMentioned,
    };
  }

  private messageKind(type: string): 'stream' | 'direct' {
    if (type === 'stream' || type === 'channel') return 'stream';
    if (type === 'private' || type === 'direct') return 'direct';
    throw ZulipError.badRequest('Invalid message type');
  }

  /** The users a DM goes to; mirrors may name remote people, who become mirror dummies. */
  private async directRecipients(
    realm: Realm,
    input: SendInput,
    mirrored: boolean,
  ): Promise<User[]> {
    const { ids, emails } = parseDirectRecipients(input.to);
    if (mirrored) {
      if (ids.length > 0)
        throw ZulipError.badRequest('Mirroring not allowed with recipient user IDs');
      return this.mirrors.findOrCreate(realm.id, emails, input.client);
    }
    const found =
      ids.length > 0
        ? await this.users.findManyByIds(realm.id, ids)
        : await this.users.findManyByEmails(realm.id, emails);
    if (ids.length > 0) {
      const missing = ids.find((id) => !found.some((u) => u.id === id));
      if (missing !== undefined) throw ZulipError.badRequest(`Invalid user ID ${missing}`);
    } else {
      const missing = emails.find(
        (e) => !found.some((u) => u.email.toLowerCase() === e.toLowerCase()),
      );
      if (missing !== undefined) throw ZulipError.badRequest(`Invalid email '${missing}'`);
    }
    const gone = found.find((u) => !u.is_active && !u.is_mirror_dummy);
    if (gone) throw ZulipError.badRequest(`'${gone.email}' is no longer using Zulip.`);
    return found;
  }
}
