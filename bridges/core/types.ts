import type { Observable } from 'rxjs';

/** What a message is on the remote side; chat-side edits and deletes travel as `edit`/`delete`. */
export type BridgeMessageKind =
  'message' | 'action' | 'notice' | 'join' | 'part' | 'edit' | 'delete' | 'reaction';

/** Who wrote a message, in the terms of the side it came from. */
export interface SenderIdentity {
  /** Display name: an IRC nick, an XMPP MUC nick, a chat user's full name. */
  name: string;
  /**
   * Stable id on the side it came from: the IRC nick, the bare JID, the chat user's email.
   * Inbound (remote → chat) it is what `Bridge.mirrorEmail` turns into the mirror user's email.
   */
  remoteId: string;
  isBot?: boolean;
}

/**
 * One protocol-neutral message. Inbound (remote → chat) the bridge fills `channel`, `topic` (when
 * the remote user named one), `remoteMessageId`, and `edits`/`deletes`/`replyTo` as remote ids.
 * Outbound (chat → remote) the router fills `serverMessageId`, `topic`, and `edits`/`deletes`/
 * `replyTo` as the remote ids it stored when it first relayed the referenced message.
 */
export interface BridgeMessage {
  kind: BridgeMessageKind;
  /** Plain text from the remote side; Markdown from the chat side. */
  text: string;
  sender: SenderIdentity;
  /** The remote channel (`#chan`, a MUC room); for direct messages the remote person's id. */
  channel: string;
  /** True for one-to-one messages (IRC query, XMPP chat, chat DMs). */
  direct?: boolean;
  /** The chat topic it belongs to, when known. */
  topic?: string;
  remoteMessageId?: string;
  serverMessageId?: number;
  replyTo?: string;
  edits?: string;
  deletes?: string;
  /** `reaction`: the message reacted to (a remote id, as `edits`). */
  reactsTo?: string;
  /**
   * `reaction`: every emoji (Unicode text) the sender now reacts with to `reactsTo`, the
   * XEP-0444 way: the whole set replaces the one before, and an empty set takes all back.
   */
  reactions?: string[];
  /** Milliseconds since the epoch, when it was written. */
  timestamp: number;
}

export type ConnectionState = 'disconnected' | 'connecting' | 'connected' | 'stopped';

/** What `Bridge.send` reports back: the remote ids the message got, kept for edits and deletes. */
export interface SendResult {
  remoteMessageId?: string;
}

/** One remote channel mapped to one stream: every topic of it, or a single topic. */
export interface ChannelMapping {
  /** The remote channel, as the bridge names it (`#chan`, `room@conference.example.com`). */
  remote: string;
  stream: string;
  /** Set: only this topic is mirrored, and remote messages go there. Unset: every topic. */
  topic?: string;
  /** Where remote messages go when all topics are mirrored and the sender named none. */
  defaultTopic: string;
}

/**
 * One remote protocol. Implementations own their connection (reconnect, rejoin, keep-alive) and
 * report it through `state$`; the router delivers only while the state is `connected` and keeps
 * everything else queued.
 */
export interface Bridge {
  /** `irc`, `jabber`, `slack`: used in logs, metrics and ids in the message map. */
  readonly protocol: string;
  /** The protocol has emoji reactions: the router relays chat reactions as `reaction` messages. */
  readonly supportsReactions?: boolean;
  /** Current state first, then every change. */
  readonly state$: Observable<ConnectionState>;
  /** Remote messages, in the order they arrived. */
  readonly messages$: Observable<BridgeMessage>;
  /** Starts connecting; resolves once the first attempt settled (it keeps retrying on failure). */
  connect(): Promise<void>;
  /** Joins a remote channel now and after every reconnect. */
  join(channel: string): Promise<void>;
  /**
   * Delivers one message. Resolves only when the remote side has it (or as close as the protocol
   * can tell); rejects when it could not be delivered, so the router keeps it queued and retries.
   * Throw `PermanentDeliveryError` for messages that can never be delivered.
   */
  send(message: BridgeMessage): Promise<SendResult>;
  /** Leaves and closes the connection; `state$` ends with `stopped`. */
  disconnect(reason?: string): Promise<void>;
  /** Channels joined right now (for /health). */
  joinedChannels(): string[];
  /** The chat email a remote person is mirrored as, e.g. `nick@irc.example.net`. */
  mirrorEmail(sender: SenderIdentity): string;
  /** True for chat emails this bridge itself speaks as (its mirror users): never relayed back. */
  ownsMirrorEmail(email: string): boolean;
  /** The remote person a mirror email stands for (reverse of `mirrorEmail`), if it is one. */
  remotePersonFor(email: string): string | undefined;
}

/** A message that can never be delivered (bad channel, too long after splitting...): dropped and counted. */
export class PermanentDeliveryError extends Error {
  override readonly name = 'PermanentDeliveryError';
}
