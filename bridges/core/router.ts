import type { Subscription as RxSubscription } from 'rxjs';
import type { BackoffOptions } from '@hub/client/backoff';
import { ZulipApiError, ZulipClient } from '@hub/client';
import type { Message, SendMessageParams, User, ZulipEvent } from '@hub/client';
import { emojiOfText, textOfEmojiCode } from './emoji';
import type { BridgeLogger } from './logger';
import { MessageMap } from './message-map';
import { OutboundQueue, QueueStats } from './outbound-queue';
import {
  Bridge,
  BridgeMessage,
  ChannelMapping,
  ConnectionState,
  PermanentDeliveryError,
} from './types';

export interface RouterOptions {
  client: ZulipClient;
  bridge: Bridge;
  mappings: ChannelMapping[];
  map: MessageMap;
  logger: BridgeLogger;
  queue: { maxSize: number; maxAgeMs: number };
  /** Relay chat edits to the remote side (default true). */
  relayEdits?: boolean;
  /** Relay chat deletions to the remote side (default false). */
  relayDeletes?: boolean;
  backoff?: BackoffOptions;
}

export interface HealthReport {
  protocol: string;
  ok: boolean;
  chat: { connected: boolean; email: string | null; lastEventAt: string | null };
  remote: { state: ConnectionState; channelsJoined: string[] };
  /** Each mapped remote channel, its stream (and topic), and whether the bridge is in it. */
  mappings: Array<{ remote: string; stream: string; topic?: string; joined: boolean }>;
  queues: { to_chat: QueueStats; to_remote: QueueStats };
  lastMessage: { to_chat: string | null; to_remote: string | null };
}

/** Why a message sent from the remote side is refused by the chat server for good (4xx, not 429). */
function isPermanentChatError(error: unknown): boolean {
  return (
    error instanceof ZulipApiError &&
    error.status >= 400 &&
    error.status < 500 &&
    error.status !== 429 &&
    error.code !== 'HTTP_ERROR'
  );
}

const CURSOR_KEY = 'chat_cursor';
const DM_PARTNER = (protocol: string, person: string): string =>
  `dm:${protocol}:${person.toLowerCase()}`;
const REMEMBERED_IDS = 5000;
/** An upload as chat messages link it: `/user_uploads/<realm id>/<path>`. */
const UPLOAD_LINK = /(?<![\w/:.])\/user_uploads\/\d+\/[^\s)>\]]+/g;
const REACTIONS_KEY = (protocol: string, reactsTo: string, email: string): string =>
  `reactions:${protocol}:${reactsTo}:${email.toLowerCase()}`;

/**
 * Moves messages between the chat server (through libs/client) and one remote bridge.
 *
 * Chat → remote: one event queue (`message`, `update_message`, `delete_message`) with catch-up
 * from a persisted cursor after every (re-)registration, so a restarted chat server, an expired
 * queue or a restarted bridge loses nothing; the cursor only moves past messages the remote side
 * has taken. Remote → chat: posted as mirror users (`sender`, `forged`) through the bot.
 * Loops: the bot's own and its mirror users' messages are never relayed back, nor any message
 * the id map says came from the remote side.
 */
export class BridgeRouter {
  private readonly toChat: OutboundQueue<BridgeMessage>;
  private readonly toRemote: OutboundQueue<BridgeMessage>;
  private readonly protocol: string;
  private readonly stop$ = new AbortController();
  private readonly subscriptions: RxSubscription[] = [];
  private readonly handledIds = new Set<number>();
  private readonly pendingIds = new Set<number>();
  private handledMax = 0;
  private me: User | undefined;
  private remoteState: ConnectionState = 'disconnected';
  private chatConnected = false;
  private lastEventAt: number | null = null;
  private loop: Promise<void> | undefined;
  private usersCache: { at: number; users: User[] } | undefined;
  private readonly emailsById = new Map<number, string>();

  constructor(private readonly options: RouterOptions) {
    this.protocol = options.bridge.protocol;
    const { logger, queue, backoff } = options;
    const describe = (m: BridgeMessage) => ({
      kind: m.kind,
      channel: m.channel,
      sender: m.sender.remoteId,
      server_message_id: m.serverMessageId,
      remote_message_id: m.remoteMessageId,
    });
    this.toChat = new OutboundQueue<BridgeMessage>({
      name: 'to_chat',
      maxSize: queue.maxSize,
      maxAgeMs: queue.maxAgeMs,
      deliver: (m) => this.deliverToChat(m),
      isPermanent: isPermanentChatError,
      timestampOf: (m) => m.timestamp,
      describe,
      logger,
      backoff,
    });
    this.toRemote = new OutboundQueue<BridgeMessage>({
      name: `to_${this.protocol}`,
      maxSize: queue.maxSize,
      maxAgeMs: queue.maxAgeMs,
      deliver: (m) => this.deliverToRemote(m),
      isPermanent: (error) => error instanceof PermanentDeliveryError,
      timestampOf: (m) => m.timestamp,
      describe,
      logger,
      backoff,
    });
  }

  private get logger(): BridgeLogger {
    return this.options.logger;
  }

  /** Signs in, subscribes to the mapped streams, connects the remote side and starts relaying. */
  async start(): Promise<void> {
    const { client, bridge, mappings } = this.options;
    this.me = await client.users.me();
    const streams = [...new Set(mappings.map((m) => m.stream))];
    if (streams.length > 0) await client.subscriptions.add(streams.map((name) => ({ name })));
    this.chatConnected = true;
    this.toChat.setOpen(true);

    this.subscriptions.push(
      bridge.state$.subscribe((state) => {
        if (state !== this.remoteState) {
          this.logger.info('remote state', { side: this.protocol, state });
        }
        this.remoteState = state;
        this.toRemote.setOpen(state === 'connected');
      }),
      bridge.messages$.subscribe((message) => this.fromRemote(message)),
    );
    for (const mapping of mappings) await bridge.join(mapping.remote);
    await bridge.connect();

    this.loop = client
      .callOnEachEvent((event) => this.onChatEvent(event), {
        eventTypes: ['message', 'update_message', 'delete_message', 'reaction'],
        registerParams: { apply_markdown: false },
        signal: this.stop$.signal,
        onRegister: (queue) => {
          this.chatConnected = true;
          return this.catchUp(queue.max_message_id);
        },
      })
      .catch((error: unknown) => {
        this.chatConnected = false;
        this.logger.error('chat event loop stopped', { error });
        throw error;
      });
    // Surfaces a fatal loop error (bad API key, deactivated bot) to whoever awaits `finished`.
    this.loop.catch(() => undefined);
  }

  /** Settles when the chat event loop ends: resolves on stop, rejects on a fatal error. */
  get finished(): Promise<void> {
    return this.loop ?? Promise.resolve();
  }

  /** Stops taking new work, gives both queues up to `timeoutMs` to flush, then disconnects. */
  async stop(timeoutMs: number): Promise<{ flushed: boolean }> {
    this.stop$.abort();
    const deadline = Date.now() + timeoutMs;
    const [toChat, toRemote] = await Promise.all([
      this.toChat.drain(timeoutMs),
      this.toRemote.drain(Math.max(0, deadline - Date.now())),
    ]);
    await this.loop?.catch(() => undefined);
    await this.toChat.stop();
    await this.toRemote.stop();
    await this.options.bridge.disconnect('bridge stopping');
    for (const s of this.subscriptions) s.unsubscribe();
    this.chatConnected = false;
    this.options.client.close();
    return { flushed: toChat && toRemote };
  }

  /** The chat server did not answer (the client's retry notices): /health says so until it does. */
  noteChatTrouble(): void {
    this.chatConnected = false;
  }

  health(): HealthReport {
    const toChat = this.toChat.stats();
    const toRemote = this.toRemote.stats();
    const joined = this.options.bridge.joinedChannels();
    const joinedLower = new Set(joined.map((c) => c.toLowerCase()));
    return {
      protocol: this.protocol,
      ok: this.chatConnected && this.remoteState === 'connected',
      chat: {
        connected: this.chatConnected,
        email: this.me?.email ?? null,
        lastEventAt: this.lastEventAt === null ? null : new Date(this.lastEventAt).toISOString(),
      },
      remote: { state: this.remoteState, channelsJoined: joined },
      mappings: this.options.mappings.map((m) => ({
        remote: m.remote,
        stream: m.stream,
        ...(m.topic === undefined ? {} : { topic: m.topic }),
        joined: joinedLower.has(m.remote.toLowerCase()),
      })),
      queues: { to_chat: toChat, to_remote: toRemote },
      lastMessage: { to_chat: toChat.lastDeliveredAt, to_remote: toRemote.lastDeliveredAt },
    };
  }

  // ---- chat → remote ----

  private async catchUp(maxMessageId: number | undefined): Promise<void> {
    const { client } = this.options;
    const stored = this.options.map.get(CURSOR_KEY);
    if (typeof stored !== 'number') {
      // First run: start from now rather than replaying the whole history.
      const newest =
        maxMessageId ??
        (await client.messages.get({ anchor: 'newest', num_before: 1, num_after: 0 })).messages[0]
          ?.id ??
        0;
      this.handledMax = Math.max(this.handledMax, newest);
      this.options.map.set(CURSOR_KEY, newest);
      return;
    }
    let anchor = Math.max(stored, this.handledMax);
    let caughtUp = 0;
    for (;;) {
      const page = await client.messages.get(
        {
          anchor,
          include_anchor: false,
          num_before: 0,
          num_after: 200,
          narrow: [],
          apply_markdown: false,
        },
        { signal: this.stop$.signal },
      );
      for (const message of page.messages) {
        await this.onChatMessage(message);
        caughtUp += 1;
      }
      const last = page.messages.at(-1)?.id;
      if (page.found_newest || last === undefined || last <= anchor) break;
      anchor = last;
    }
    if (caughtUp > 0) this.logger.info('caught up with chat', { messages: caughtUp });
  }

  private async onChatEvent(event: ZulipEvent): Promise<void> {
    this.chatConnected = true;
    this.lastEventAt = Date.now();
    if (event.type === 'message') {
      await this.onChatMessage(event.message as Message);
    } else if (event.type === 'update_message') {
      await this.onChatEdit(event);
    } else if (event.type === 'delete_message') {
      this.onChatDelete(event);
    } else if (event.type === 'reaction') {
      await this.onChatReaction(event);
    }
  }

  private markHandled(id: number): void {
    this.handledIds.add(id);
    if (this.handledIds.size > REMEMBERED_IDS) {
      this.handledIds.delete(this.handledIds.values().next().value as number);
    }
    this.handledMax = Math.max(this.handledMax, id);
    this.advanceCursor();
  }

  /** The cursor never passes a message still waiting for the remote side. */
  private advanceCursor(): void {
    const lowestPending = this.pendingIds.size ? Math.min(...this.pendingIds) : undefined;
    const cursor = lowestPending === undefined ? this.handledMax : lowestPending - 1;
    const stored = this.options.map.get(CURSOR_KEY);
    if (typeof stored !== 'number' || cursor > stored) this.options.map.set(CURSOR_KEY, cursor);
  }

  /** Mirror users, the bot itself, and anything the id map says came from the remote side. */
  private async isFromBridge(message: Message): Promise<boolean> {
    const email = message.sender_email.toLowerCase();
    if (email === this.me?.email.toLowerCase()) return true;
    if (this.options.bridge.ownsMirrorEmail(email)) return true;
    // A post to chat may still be in flight: its id reaches the map when it returns.
    await this.toChat.settled();
    return this.options.map.byServerId(message.id)?.origin === 'remote';
  }

  private async onChatMessage(message: Message): Promise<void> {
    if (this.handledIds.has(message.id)) return;
    // Relayed before a crash or restart: never twice.
    if (this.options.map.byServerId(message.id) || (await this.isFromBridge(message))) {
      this.markHandled(message.id);
      return;
    }
    const content = await this.linkUploads(message.content);
    const outgoing = this.toRemoteMessages({ ...message, content });
    for (const out of outgoing) {
      this.pendingIds.add(message.id);
      if (!this.toRemote.push(out)) this.pendingIds.delete(message.id);
    }
    this.markHandled(message.id);
  }

  private toRemoteMessages(message: Message): BridgeMessage[] {
    const isAction = message.is_me_message || /^\/me /.test(message.content);
    const base = {
      kind: isAction ? ('action' as const) : ('message' as const),
      text: isAction ? message.content.replace(/^\/me /, '') : message.content,
      sender: { name: message.sender_full_name, remoteId: message.sender_email },
      serverMessageId: message.id,
      timestamp: message.timestamp * 1000,
    };
    if (typeof message.display_recipient === 'string') {
      const stream = message.display_recipient.toLowerCase();
      const topic = message.subject.toLowerCase();
      return this.options.mappings
        .filter(
          (m) =>
            m.stream.toLowerCase() === stream &&
            (m.topic === undefined || m.topic.toLowerCase() === topic),
        )
        .map((m) => ({ ...base, channel: m.remote, topic: message.subject }));
    }
    const out: BridgeMessage[] = [];
    for (const person of message.display_recipient) {
      const remote = this.options.bridge.remotePersonFor(person.email);
      if (remote === undefined) continue;
      // Replies from that person go back to whoever wrote to them last.
      this.options.map.set(DM_PARTNER(this.protocol, remote), message.sender_email);
      out.push({ ...base, channel: remote, direct: true });
    }
    return out;
  }

  private async deliverToRemote(message: BridgeMessage): Promise<void> {
    try {
      const result = await this.options.bridge.send(message);
      const id = message.serverMessageId;
      if (id !== undefined && message.kind !== 'edit' && message.kind !== 'delete') {
        const remoteId = result.remoteMessageId ?? `sent:${id}`;
        this.options.map.link(id, `${this.protocol}:${remoteId}`, 'chat', message.channel);
      }
      this.settle(message);
    } catch (error) {
      if (error instanceof PermanentDeliveryError) this.settle(message);
      throw error;
    }
  }

  private settle(message: BridgeMessage): void {
    if (message.serverMessageId === undefined) return;
    if (this.pendingIds.delete(message.serverMessageId)) this.advanceCursor();
  }

  private async onChatEdit(event: ZulipEvent): Promise<void> {
    if (this.options.relayEdits === false || typeof event.content !== 'string') return;
    const id = Number(event.message_id);
    const link = this.options.map.byServerId(id);
    if (!link || link.origin !== 'chat' || link.channel === undefined) return;
    const { raw_content, message } = await this.options.client.messages.getById(id, {
      apply_markdown: false,
    });
    if (await this.isFromBridge(message)) return;
    this.toRemote.push({
      kind: 'edit',
      text: await this.linkUploads(raw_content),
      sender: { name: message.sender_full_name, remoteId: message.sender_email },
      channel: link.channel,
      direct: typeof message.display_recipient !== 'string',
      topic: typeof message.display_recipient === 'string' ? message.subject : undefined,
      serverMessageId: id,
      edits: link.remoteId.slice(this.protocol.length + 1),
      timestamp: Date.now(),
    });
  }

  /**
   * A chat reaction on a message the remote side has: the remote side hears, as the bridge's own
   * reaction, every emoji chat people (not the remote people it mirrors) now react with.
   */
  private async onChatReaction(event: ZulipEvent): Promise<void> {
    if (!this.options.bridge.supportsReactions) return;
    const reactor = (event.user as { email?: unknown } | undefined)?.email;
    if (typeof reactor === 'string' && this.isBridgeEmail(reactor)) return;
    const id = Number(event.message_id);
    const link = this.options.map.byServerId(id);
    if (!link || link.channel === undefined) return;
    const { message } = await this.options.client.messages.getById(id, { apply_markdown: false });
    const emoji = new Set<string>();
    for (const reaction of message.reactions) {
      if (reaction.reaction_type !== 'unicode_emoji') continue;
      if (this.isBridgeEmail(await this.emailOf(reaction.user_id))) continue;
      const text = textOfEmojiCode(reaction.emoji_code);
      if (text !== undefined) emoji.add(text);
    }
    this.toRemote.push({
      kind: 'reaction',
      text: '',
      sender: { name: this.me?.full_name ?? '', remoteId: this.me?.email ?? '' },
      channel: link.channel,
      direct: typeof message.display_recipient !== 'string',
      reactsTo: link.remoteId.slice(this.protocol.length + 1),
      reactions: [...emoji],
      timestamp: Date.now(),
    });
  }

  /** The bot itself or one of the remote people it mirrors. */
  private isBridgeEmail(email: string): boolean {
    const lower = email.toLowerCase();
    return lower === this.me?.email.toLowerCase() || this.options.bridge.ownsMirrorEmail(lower);
  }

  private async emailOf(userId: number): Promise<string> {
    let email = this.emailsById.get(userId);
    if (email === undefined) {
      email = (await this.options.client.users.get(userId)).user.email;
      this.emailsById.set(userId, email);
    }
    return email;
  }

  /**
   * Chat links uploads relative to the server, which the remote side cannot open: each becomes
   * a public link when the realm allows bridges to give them (`allow_bridged_upload_links`), else
   * an absolute link that works for whoever can sign in to chat.
   */
  private async linkUploads(text: string): Promise<string> {
    const paths = [...new Set(text.match(UPLOAD_LINK) ?? [])];
    if (paths.length === 0) return text;
    const site = this.options.client.site.replace(/\/+$/, '');
    const links = new Map<string, string>();
    for (const path of paths) links.set(path, `${site}${await this.publicUploadPath(path)}`);
    return text.replace(UPLOAD_LINK, (path) => links.get(path) ?? path);
  }

  /** Asked for every message that has uploads, so the realm's setting applies at once. */
  private async publicUploadPath(path: string): Promise<string> {
    try {
      return (await this.options.client.uploads.bridgedLink(path)).url;
    } catch (error) {
      // Not allowed (the realm's setting), a file the bot cannot read, or no answer: the plain
      // link, rather than hold the message back.
      if (!isPermanentChatError(error)) this.logger.warn('no public link for an upload', { error });
      return path;
    }
  }

  private onChatDelete(event: ZulipEvent): void {
    if (!this.options.relayDeletes) return;
    const ids = Array.isArray(event.message_ids)
      ? (event.message_ids as number[])
      : [Number(event.message_id)];
    for (const id of ids) {
      const link = this.options.map.byServerId(id);
      if (!link || link.origin !== 'chat' || link.channel === undefined) continue;
      this.toRemote.push({
        kind: 'delete',
        text: '',
        sender: { name: '', remoteId: '' },
        channel: link.channel,
        serverMessageId: id,
        deletes: link.remoteId.slice(this.protocol.length + 1),
        timestamp: Date.now(),
      });
    }
  }

  // ---- remote → chat ----

  private fromRemote(message: BridgeMessage): void {
    this.toChat.push(message);
  }

  private mappingFor(channel: string): ChannelMapping | undefined {
    const wanted = channel.toLowerCase();
    return this.options.mappings.find((m) => m.remote.toLowerCase() === wanted);
  }

  private async deliverToChat(message: BridgeMessage): Promise<void> {
    const { client, bridge, map } = this.options;
    if (message.kind === 'reaction') {
      await this.reactOnChat(message);
      return;
    }
    if (message.kind === 'edit' || message.kind === 'delete') {
      const ref = message.kind === 'edit' ? message.edits : message.deletes;
      const target = ref ? map.byRemoteId(`${this.protocol}:${ref}`) : undefined;
      if (!target) {
        this.logger.info('remote edit or delete of an unknown message ignored', { ref });
        return;
      }
      if (message.kind === 'edit') {
        await client.messages.update({ message_id: target.serverId, content: message.text });
      } else {
        await client.messages.delete(target.serverId);
      }
      return;
    }
    const content =
      message.kind === 'action' || message.kind === 'join' || message.kind === 'part'
        ? `/me ${message.text}`
        : message.text;
    const sender = bridge.mirrorEmail(message.sender);
    let params: SendMessageParams;
    if (message.direct) {
      const partner = await this.dmPartner(message);
      if (!partner) return;
      params = {
        type: 'private',
        to: [partner.email, this.me?.email ?? client.email],
        content: partner.content,
        sender,
      };
    } else {
      const mapping = this.mappingFor(message.channel);
      if (!mapping) {
        this.logger.warn('message from an unmapped channel ignored', { channel: message.channel });
        return;
      }
      params = {
        type: 'stream',
        to: mapping.stream,
        topic: mapping.topic ?? message.topic ?? mapping.defaultTopic,
        content,
        sender,
        forged: 'yes',
        time: Math.floor(message.timestamp / 1000),
      };
    }
    let sent: { id: number };
    try {
      sent = await client.messages.send(params);
    } catch (error) {
      if (!isPermanentChatError(error)) this.chatConnected = false;
      throw error;
    }
    this.chatConnected = true;
    const remoteId = message.remoteMessageId ?? `recv:${sent.id}`;
    map.link(sent.id, `${this.protocol}:${remoteId}`, 'remote', message.channel);
  }

  /**
   * A remote person's reactions to a message (the whole set, XEP-0444 style) become their mirror
   * user's chat reactions: what is new is added, what is gone is taken back.
   */
  private async reactOnChat(message: BridgeMessage): Promise<void> {
    const { client, bridge, map } = this.options;
    const ref = message.reactsTo;
    const target = ref ? map.byRemoteId(`${this.protocol}:${ref}`) : undefined;
    if (!ref || !target) {
      this.logger.info('remote reaction to an unknown message ignored', { ref });
      return;
    }
    const sender = bridge.mirrorEmail(message.sender);
    const key = REACTIONS_KEY(this.protocol, ref, sender);
    const stored = map.get(key);
    const before = new Set<string>(
      typeof stored === 'string' ? (JSON.parse(stored) as string[]) : [],
    );
    const after = new Set(message.reactions ?? []);
    const change = async (text: string, op: 'add' | 'remove'): Promise<void> => {
      const emoji = emojiOfText(text);
      if (!emoji) {
        this.logger.info('remote reaction with an emoji chat does not know ignored', { text });
        return;
      }
      const params = {
        message_id: target.serverId,
        emoji_name: emoji.name,
        emoji_code: emoji.code,
        reaction_type: 'unicode_emoji' as const,
        sender,
      };
      try {
        if (op === 'add') await client.messages.addReaction(params);
        else await client.messages.removeReaction(params);
      } catch (error) {
        // Already so on chat (a retry after a crash): the state wanted is there.
        const settled =
          error instanceof ZulipApiError &&
          (error.code === 'REACTION_ALREADY_EXISTS' || error.code === 'REACTION_DOES_NOT_EXIST');
        if (!settled) throw error;
      }
    };
    for (const text of after) if (!before.has(text)) await change(text, 'add');
    for (const text of before) if (!after.has(text)) await change(text, 'remove');
    map.set(key, after.size > 0 ? JSON.stringify([...after]) : null);
  }

  /**
   * The chat user a remote direct message is for: whoever last wrote to that person, or the user
   * the message starts with (`Full Name: text` or `email: text`). Otherwise the sender is told how.
   */
  private async dmPartner(
    message: BridgeMessage,
  ): Promise<{ email: string; content: string } | undefined> {
    const key = DM_PARTNER(this.protocol, message.channel);
    const addressed = /^([^:]{1,100}):\s+([\s\S]*)$/.exec(message.text);
    if (addressed) {
      const name = addressed[1].trim().toLowerCase();
      const user = (await this.users()).find(
        (u) =>
          u.is_active && (u.full_name.toLowerCase() === name || u.email.toLowerCase() === name),
      );
      if (user) {
        this.options.map.set(key, user.email);
        return { email: user.email, content: addressed[2] };
      }
    }
    const known = this.options.map.get(key);
    if (typeof known === 'string') return { email: known, content: message.text };
    this.toRemote.push({
      kind: 'notice',
      text: 'Whom is this for? Start your message with their name, e.g. "Jane Doe: hello".',
      sender: { name: '', remoteId: '' },
      channel: message.channel,
      direct: true,
      timestamp: Date.now(),
    });
    return undefined;
  }

  private async users(): Promise<User[]> {
    if (!this.usersCache || Date.now() - this.usersCache.at > 60_000) {
      const { members } = await this.options.client.users.list();
      this.usersCache = { at: Date.now(), users: members };
    }
    return this.usersCache.users;
  }
}
