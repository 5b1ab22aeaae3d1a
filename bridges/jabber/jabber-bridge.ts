import { randomUUID } from 'node:crypto';
import { BehaviorSubject, Observable, Subject } from 'rxjs';
import { Backoff, backoffDelay, BackoffOptions } from '../core/backoff';
import type { BridgeLogger } from '../core/logger';
import {
  Bridge,
  BridgeMessage,
  ChannelMapping,
  ConnectionState,
  PermanentDeliveryError,
  SendResult,
  SenderIdentity,
} from '../core/types';
import { DEFAULT_ROOM_FORMAT, formatForRoom, RoomFormat } from './format';
import { Keepalive } from './keepalive';
import { KnownPeople, peopleInMemory } from './people';
import { RoomRegistry } from './rooms';
import {
  InboundMessage,
  instantRoomRequest,
  joinPresence,
  leavePresence,
  outboundMessage,
  parseMessage,
  parseOccupantPresence,
  pingRequest,
  reactionsMessage,
  retraction,
  roomNotice,
  subjectMessage,
} from './stanzas';
import { createXmppClient, parseJid, xml, XmlElement, XmppClient } from './xmpp';

export type JabberMode = 'public' | 'personal';

export interface JabberBridgeOptions {
  /** `xmpp://host:port` (STARTTLS when offered), `xmpps://host:port`, or a domain to resolve. */
  service: string;
  /** The bridge's account, e.g. `mirror@example.com`. */
  jid: string;
  password: string;
  resource: string;
  /** public: MUC rooms ↔ streams. personal: the account's 1:1 chats ↔ DMs. */
  mode: JabberMode;
  /** The bridge's nick in rooms; `_` is appended while it is taken. */
  nick: string;
  /** Where rooms named without a domain live, e.g. `conference.example.com`. */
  conferenceDomain: string;
  /** Email domains whose chat users are all XMPP people (never relayed back, DMs go out). */
  mirrorDomains?: string[];
  /** Who has been mirrored so far (default: in memory only). */
  people?: KnownPeople;
  /** Personal mode: the chat user every 1:1 chat is addressed to. */
  ownerEmail?: string;
  format?: RoomFormat;
  /** The rooms' stream/topic mappings: a room's own topic gets no `[topic]` prefix. */
  mappings?: ChannelMapping[];
  /** Keep-alive: an XEP-0199 ping this often; no answer within the timeout = dead connection. */
  pingIntervalMs: number;
  pingTimeoutMs: number;
  /** Connecting, authenticating and each room join must finish within this. */
  connectTimeoutMs: number;
  backoff: BackoffOptions;
  logger: BridgeLogger;
}

const ID_SEPARATOR = '#';
/** Message references (XEP-0444 reactions) are resolved for this many recent messages. */
const REMEMBERED_REFS = 10_000;

/** A remote message id: the sender's address as we saw it, then the stanza id. */
export function remoteMessageId(from: string, stanzaId: string): string {
  return `${from}${ID_SEPARATOR}${stanzaId}`;
}

export function stanzaIdOf(remoteId: string): string {
  return remoteId.slice(remoteId.lastIndexOf(ID_SEPARATOR) + 1);
}

/** `room` alone means `room@<conference domain>`; addresses are compared in lower case. */
export function roomAddressOn(channel: string, conferenceDomain: string): string {
  return (channel.includes('@') ? channel : `${channel}@${conferenceDomain}`).toLowerCase();
}

/** Emails allow no spaces or brackets in the local part; nicks may have them. */
function emailLocalPart(name: string): string {
  const cleaned = name
    .trim()
    .replace(/[\s@<>()[\]\\,;:"]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return cleaned === '' ? 'someone' : cleaned.slice(0, 64);
}

/**
 * XMPP side of the bridge, on @xmpp/client. It owns its connection: a fresh client per attempt,
 * reconnects with jittered backoff, rejoins every room, and treats a missing ping answer as a dead
 * connection (the failure relays without a keep-alive suffer from: they go quiet and never notice).
 */
export class JabberBridge implements Bridge {
  readonly protocol = 'jabber';
  readonly supportsReactions = true;
  private readonly state = new BehaviorSubject<ConnectionState>('disconnected');
  private readonly inbound = new Subject<BridgeMessage>();
  readonly state$: Observable<ConnectionState> = this.state.asObservable();
  readonly messages$: Observable<BridgeMessage> = this.inbound.asObservable();

  private readonly rooms = new RoomRegistry();
  private readonly ownBareJid: string;
  private readonly ownDomain: string;
  private readonly backoff: Backoff;
  private readonly stopping = new AbortController();
  private client: XmppClient | undefined;
  private endSession: ((reason: string) => void) | undefined;
  private loop: Promise<void> | undefined;
  private readonly log: BridgeLogger;
  private readonly people: KnownPeople;
  /**
   * `<conversation>|<id>` → our remote id of a message, for both ids a reaction may name: the
   * sender's own and the room's XEP-0359 stanza-id. Kept for recent messages only.
   */
  private readonly refs = new Map<string, string>();
  /** Our remote id of a message → the stanza-id its room gave it (what reactions should name). */
  private readonly roomStanzaIds = new Map<string, string>();

  constructor(private readonly options: JabberBridgeOptions) {
    const own = parseJid(options.jid);
    this.ownBareJid = own.bare().toString();
    this.ownDomain = own.domain;
    this.backoff = new Backoff(options.backoff);
    this.log = options.logger;
    this.people = options.people ?? peopleInMemory();
  }

  connect(): Promise<void> {
    if (this.loop) return Promise.resolve();
    return new Promise<void>((settled) => {
      this.loop = this.run(settled);
    });
  }

  async join(channel: string): Promise<void> {
    const room = this.roomAddress(channel);
    if (this.rooms.add(room) && this.state.value === 'connected' && this.client) {
      const client = this.client;
      await this.joinRoom(client, room).catch((error: unknown) => {
        this.log.warn('room join failed; retrying', { room, error });
        this.joinLater(client, room);
      });
    }
  }

  joinedChannels(): string[] {
    return this.rooms.joined();
  }

  /** `room` alone means `room@<conference domain>`. */
  roomAddress(channel: string): string {
    return roomAddressOn(channel, this.options.conferenceDomain);
  }

  /** The chat topic the room's own messages go to (see `formatForRoom`). */
  private ownTopicOf(room: string): string | undefined {
    const mapping = this.options.mappings?.find((m) => m.remote.toLowerCase() === room);
    return mapping?.topic ?? this.rooms.subjectOf(room) ?? mapping?.defaultTopic;
  }

  mirrorEmail(sender: SenderIdentity): string {
    const at = sender.remoteId.lastIndexOf('@');
    const local = at > 0 ? sender.remoteId.slice(0, at) : sender.remoteId;
    const domain = at > 0 ? sender.remoteId.slice(at + 1) : this.options.conferenceDomain;
    return `${emailLocalPart(local)}@${domain.toLowerCase()}`;
  }

  /**
   * Only people this bridge mirrored, room occupants known by nick, and configured domains: the
   * XMPP domain may well be the chat users' own (alice@example.com on both), so it proves nothing.
   */
  ownsMirrorEmail(email: string): boolean {
    const domain = email.slice(email.lastIndexOf('@') + 1).toLowerCase();
    return (
      this.people.has(email) ||
      domain === this.options.conferenceDomain.toLowerCase() ||
      (this.options.mirrorDomains ?? []).some((d) => d.toLowerCase() === domain)
    );
  }

  remotePersonFor(email: string): string | undefined {
    if (this.options.mode !== 'personal' || !this.ownsMirrorEmail(email)) return undefined;
    const domain = email.slice(email.lastIndexOf('@') + 1).toLowerCase();
    // Room occupants known only by nick have no address to write to.
    if (domain === this.options.conferenceDomain.toLowerCase()) return undefined;
    const bare = email.toLowerCase();
    return bare === this.ownBareJid.toLowerCase() ? undefined : bare;
  }

  async send(message: BridgeMessage): Promise<SendResult> {
    const client = this.client;
    if (!client || this.state.value !== 'connected') throw new Error('XMPP is not connected');
    const id = randomUUID();
    let to: string;
    let type: 'groupchat' | 'chat';
    if (message.direct) {
      if (this.options.mode !== 'personal') {
        throw new PermanentDeliveryError('direct messages are mirrored in personal mode only');
      }
      to = parseJid(message.channel).bare().toString();
      type = 'chat';
    } else {
      to = this.roomAddress(message.channel);
      type = 'groupchat';
      if (!this.rooms.isJoined(to)) throw new Error(`not in room ${to} (yet)`);
    }
    const from = type === 'groupchat' ? `${to}/${this.rooms.nickIn(to)}` : this.ownBareJid;
    let stanza: XmlElement;
    let result: SendResult;
    if (message.kind === 'delete') {
      if (!message.deletes) throw new PermanentDeliveryError('delete without a known message');
      stanza = retraction(to, type, id, stanzaIdOf(message.deletes));
      result = { remoteMessageId: message.deletes };
    } else if (message.kind === 'reaction') {
      if (!message.reactsTo) throw new PermanentDeliveryError('reaction to no known message');
      const target = this.roomStanzaIds.get(message.reactsTo) ?? stanzaIdOf(message.reactsTo);
      stanza = reactionsMessage(to, type, id, target, message.reactions ?? []);
      result = {};
    } else {
      const body =
        type === 'groupchat'
          ? formatForRoom(message, this.ownTopicOf(to), this.options.format ?? DEFAULT_ROOM_FORMAT)
          : message.text;
      const replaces = message.kind === 'edit' ? message.edits : undefined;
      if (message.kind === 'edit' && !replaces) {
        throw new PermanentDeliveryError('edit of a message that never reached XMPP');
      }
      stanza = outboundMessage(to, type, {
        id,
        body,
        replaces: replaces ? stanzaIdOf(replaces) : undefined,
        nick: type === 'groupchat' ? message.sender.name : undefined,
      });
      // XEP-0308: every correction names the original, so the original id stays the reference.
      result = { remoteMessageId: replaces ?? remoteMessageId(from, id) };
      if (!replaces) this.rememberRef(to, id, remoteMessageId(from, id));
    }
    await client.send(stanza);
    await this.barrier(client);
    return result;
  }

  async disconnect(reason = 'bridge stopping'): Promise<void> {
    if (this.stopping.signal.aborted) return;
    this.stopping.abort();
    const client = this.client;
    if (client && this.state.value === 'connected') {
      for (const room of this.rooms.joined()) {
        await client.send(leavePresence(room, this.rooms.nickIn(room))).catch(() => undefined);
      }
    }
    this.endSession?.(reason);
    await this.loop;
    this.state.next('stopped');
    this.state.complete();
    this.inbound.complete();
  }

  private async run(firstAttemptSettled: () => void): Promise<void> {
    while (!this.stopping.signal.aborted) {
      this.state.next('connecting');
      try {
        await this.session(firstAttemptSettled);
      } catch (error) {
        this.log.warn('XMPP connection failed', { error });
      }
      firstAttemptSettled();
      if (this.stopping.signal.aborted) break;
      this.state.next('disconnected');
      const delay = await this.backoff.wait(this.stopping.signal);
      this.log.info('reconnecting to XMPP', { after_ms: delay, failures: this.backoff.failures });
    }
  }

  /** One connection, from connect to its end; resolves when it is over. */
  private async session(onOnline: () => void): Promise<void> {
    const { options } = this;
    const address = parseJid(options.jid);
    const client = createXmppClient({
      service: options.service,
      domain: address.domain,
      username: address.local,
      password: options.password,
      resource: options.resource,
      timeout: options.connectTimeoutMs,
    });
    const ended = new Promise<string>((resolve) => {
      this.endSession = resolve;
    });
    // An emitter without an error listener would crash the process; errors end the session.
    client.on('error', (error) => this.endSession?.(`error: ${error.message}`));
    client.on('disconnect', () => this.endSession?.('disconnected'));
    client.on('stanza', (stanza) => this.onStanza(client, stanza));
    this.client = client;
    const keepalive = new Keepalive({
      intervalMs: options.pingIntervalMs,
      ping: () => client.iqCaller.request(pingRequest(address.domain), options.pingTimeoutMs),
      onDead: () => this.endSession?.('no answer to ping'),
    });
    try {
      const online = client.start();
      // Whichever loses the race below must not surface as an unhandled rejection.
      online.catch(() => undefined);
      const outcome = await Promise.race([online.then(() => 'online'), ended]);
      if (outcome !== 'online') throw new Error(`could not connect: ${outcome}`);
      await client.send(xml('presence', {}));
      this.log.info('connected to XMPP', { jid: this.ownBareJid, service: options.service });
      await this.joinAll(client);
      this.backoff.reset();
      this.state.next('connected');
      onOnline();
      keepalive.start();
      const reason = await ended;
      if (!this.stopping.signal.aborted) this.log.warn('XMPP connection lost', { reason });
    } finally {
      keepalive.stop();
      this.client = undefined;
      this.endSession = undefined;
      this.rooms.leftAll();
      await this.close(client);
    }
  }

  /** Closes politely when the peer answers, else drops the socket. */
  private async close(client: XmppClient): Promise<void> {
    const stop = client.stop().catch(() => undefined);
    const timer = setTimeout(() => client.socket?.destroy?.(), 2000);
    await stop;
    clearTimeout(timer);
    client.socket?.destroy?.();
    client.removeAllListeners();
    client.on('error', () => undefined);
  }

  /**
   * Resolves once the server has processed everything sent before: it answers a ping only after
   * the stanzas ahead of it on the stream. No answer: the connection is dead, and the message
   * goes back to the queue instead of being lost in a socket buffer.
   */
  private async barrier(client: XmppClient): Promise<void> {
    try {
      await client.iqCaller.request(
        pingRequest(parseJid(this.options.jid).domain),
        this.options.pingTimeoutMs,
      );
    } catch (error) {
      if (this.client === client) this.endSession?.('no answer to a delivery check');
      throw error;
    }
  }

  private async joinAll(client: XmppClient): Promise<void> {
    if (this.options.mode !== 'public') return;
    for (const room of this.rooms.all()) {
      try {
        await this.joinRoom(client, room);
      } catch (error) {
        this.log.warn('room join failed; retrying', { room, error });
        this.joinLater(client, room);
      }
    }
  }

  private async joinRoom(client: XmppClient, room: string): Promise<void> {
    let nick = this.options.nick;
    // Taken now: a new room announces its empty subject right after our join.
    const knownSubject = this.rooms.subjectOf(room);
    for (let attempt = 0; attempt < 5; attempt++) {
      const result = this.rooms.expectSelfPresence(room, this.options.connectTimeoutMs);
      await client.send(joinPresence(room, nick, this.rooms.lastSeen(room)));
      const presence = await result;
      if (presence.error === 'conflict') {
        nick = `${nick}_`;
        continue;
      }
      if (presence.error) throw new Error(`joining ${room} failed: ${presence.error}`);
      this.rooms.markJoined(room, presence.nick);
      if (presence.created) {
        // We are in it either way; a locked new room just stays empty for others until configured.
        await client.iqCaller.request(instantRoomRequest(room)).catch((error: unknown) => {
          this.log.warn('could not configure the new room', { room, error });
        });
        // A room recreated after a server restart lost its subject, which is our default topic.
        if (knownSubject) await client.send(subjectMessage(room, knownSubject));
      }
      this.log.info('joined room', { room, nick: presence.nick });
      if (!this.rooms.seesRealJids(room)) await this.sayJidsHidden(client, room);
      return;
    }
    throw new Error(`joining ${room} failed: every nick tried is taken`);
  }

  /**
   * The room hides real JIDs from us (someone else created it, e.g. after a server restart, and
   * we are no moderator): people are matched to the address last seen behind their nick, which
   * the room is told rather than left to find out from a changed name on chat.
   */
  private async sayJidsHidden(client: XmppClient, room: string): Promise<void> {
    const nick = this.rooms.nickIn(room);
    this.log.warn('room hides real JIDs; matching people by nick', { room, nick });
    const text =
      `${nick} cannot see members' XMPP addresses in this room, so it matches each nick to ` +
      `the address last seen using it, and nicks it never saw post to chat as "nick@` +
      `${this.options.conferenceDomain}". A room owner can fix this by making ` +
      `${this.ownBareJid} an admin of the room.`;
    await client.send(roomNotice(room, randomUUID(), text)).catch((error: unknown) => {
      this.log.warn('could not tell the room', { room, error });
    });
  }

  private onStanza(client: XmppClient, stanza: XmlElement): void {
    if (stanza.is('presence')) {
      const presence = parseOccupantPresence(stanza);
      if (!presence) return;
      const wasJoined = this.rooms.isJoined(presence.room);
      this.rooms.onPresence(presence);
      if (
        presence.available &&
        presence.realJid &&
        !presence.self &&
        this.rooms.has(presence.room)
      ) {
        this.people.rememberJid(presence.room, presence.nick, presence.realJid);
      }
      if (presence.self && !presence.available && wasJoined) {
        this.rooms.markLeft(presence.room);
        this.log.warn('removed from room; rejoining', { room: presence.room });
        this.joinLater(client, presence.room);
      }
      return;
    }
    const message = parseMessage(stanza);
    if (!message) return;
    const room = message.bare.toLowerCase();
    // A subject is room state, whoever set it (a bridge restoring it included).
    if (message.type === 'groupchat' && message.subject !== undefined && !message.body) {
      if (this.rooms.has(room)) this.rooms.setSubject(room, message.subject);
      return;
    }
    this.rememberRefsOf(message);
    if (message.bridged) return;
    if (message.type === 'groupchat') this.onRoomMessage(message);
    else this.onDirectMessage(message);
  }

  /** Kicked, the room went away, or a join failed: try again with backoff while connected. */
  private joinLater(client: XmppClient, room: string, attempt = 1): void {
    const delay = backoffDelay(attempt, this.options.backoff);
    setTimeout(() => {
      if (this.client !== client || this.stopping.signal.aborted || this.rooms.isJoined(room)) {
        return;
      }
      this.joinRoom(client, room).catch((error: unknown) => {
        this.log.warn('room join failed; retrying', { room, error, attempt });
        this.joinLater(client, room, attempt + 1);
      });
    }, delay).unref();
  }

  private onRoomMessage(message: InboundMessage): void {
    const room = message.bare.toLowerCase();
    if (this.options.mode !== 'public' || !this.rooms.has(room)) return;
    // The room itself (no nick) and our own reflected messages are not people speaking.
    if (message.resource === '' || message.resource === this.rooms.nickIn(room)) return;
    const says = message.body !== undefined || message.oobUrl !== undefined;
    if (!says && message.retracts === undefined && message.reactions === undefined) return;
    const timestamp = message.delayedAt ?? Date.now();
    if (message.id && !this.rooms.firstSighting(room, `${message.from}#${message.id}`)) return;
    this.rooms.noteSeen(room, timestamp);
    // A room hiding real JIDs: the person last seen behind the nick, never a new identity.
    const realJid =
      this.rooms.realJidOf(room, message.resource) ??
      (this.rooms.seesRealJids(room) ? undefined : this.people.jidBehind(room, message.resource));
    const remoteId = realJid ?? `${message.resource}@${this.options.conferenceDomain}`;
    this.bridgeInbound(message, {
      channel: room,
      sender: { name: message.resource, remoteId },
      topic: this.rooms.subjectOf(room),
      timestamp,
    });
  }

  private onDirectMessage(message: InboundMessage): void {
    if (this.options.mode !== 'personal') return;
    const says = message.body !== undefined || message.oobUrl !== undefined;
    if (!says && message.reactions === undefined) return;
    if (message.bare.toLowerCase() === this.ownBareJid.toLowerCase()) return;
    const { ownerEmail } = this.options;
    // The router delivers "who: text" to that chat user: here always the account's owner.
    const addressed =
      ownerEmail && says && message.replaces === undefined && message.retracts === undefined
        ? { ...message, body: `${ownerEmail}: ${textOf(message)}` }
        : message;
    this.bridgeInbound(addressed, {
      channel: message.bare,
      direct: true,
      sender: { name: parseJid(message.bare).local, remoteId: message.bare },
      timestamp: message.delayedAt ?? Date.now(),
    });
  }

  private bridgeInbound(
    message: InboundMessage,
    base: Pick<BridgeMessage, 'channel' | 'sender' | 'timestamp' | 'topic' | 'direct'>,
  ): void {
    // Room messages are told apart by occupant; 1:1 chats by the person (any of their devices).
    const from = message.type === 'groupchat' ? message.from : message.bare;
    const ref = (id: string | undefined): string | undefined =>
      id === undefined ? undefined : remoteMessageId(from, id);
    const body = textOf(message);
    let bridged: BridgeMessage;
    if (message.reactions !== undefined) {
      bridged = {
        ...base,
        kind: 'reaction',
        text: '',
        reactsTo: this.refs.get(refKey(message.bare, message.reactions.to)),
        reactions: message.reactions.emoji,
      };
    } else if (message.retracts !== undefined) {
      bridged = { ...base, kind: 'delete', text: '', deletes: ref(message.retracts) };
    } else if (message.replaces !== undefined) {
      bridged = {
        ...base,
        kind: 'edit',
        text: body,
        edits: ref(message.replaces),
        remoteMessageId: ref(message.id),
      };
    } else if (body.startsWith('/me ')) {
      bridged = { ...base, kind: 'action', text: body.slice(4), remoteMessageId: ref(message.id) };
    } else {
      bridged = { ...base, kind: 'message', text: body, remoteMessageId: ref(message.id) };
    }
    this.people.add(this.mirrorEmail(base.sender));
    this.inbound.next(bridged);
  }

  /**
   * Every message seen with an id (ours reflected by the room included) can be reacted to later
   * by that id or by the stanza-id its room gave it.
   */
  private rememberRefsOf(message: InboundMessage): void {
    if (!message.id || (message.body === undefined && message.oobUrl === undefined)) return;
    if (message.replaces !== undefined || message.reactions !== undefined) return;
    const from = message.type === 'groupchat' ? message.from : message.bare;
    const remoteId = remoteMessageId(from, message.id);
    this.rememberRef(message.bare, message.id, remoteId);
    if (message.roomStanzaId) {
      this.rememberRef(message.bare, message.roomStanzaId, remoteId);
      this.roomStanzaIds.set(remoteId, message.roomStanzaId);
      trim(this.roomStanzaIds);
    }
  }

  private rememberRef(conversation: string, id: string, remoteId: string): void {
    const key = refKey(conversation, id);
    if (this.refs.has(key)) return;
    this.refs.set(key, remoteId);
    trim(this.refs);
  }
}

const refKey = (conversation: string, id: string): string => `${conversation.toLowerCase()}|${id}`;

/** Forgets the oldest entries beyond what is kept. */
function trim(map: Map<string, string>): void {
  while (map.size > REMEMBERED_REFS) map.delete(map.keys().next().value as string);
}

/** What a message says: its body, and a file link (XEP-0066) the body does not already show. */
function textOf(message: InboundMessage): string {
  const body = message.body ?? '';
  const url = message.oobUrl;
  if (url === undefined || body.includes(url)) return body;
  return body.trim() === '' ? url : `${body}\n${url}`;
}
