import { Client, IrcClientOptions, IrcMessageEvent } from 'irc-framework';
import { BehaviorSubject, Observable, Subject } from 'rxjs';
import { Backoff, sleep } from '../core/backoff';
import type { BridgeLogger } from '../core/logger';
import { RateLimiter } from '../core/rate-limiter';
import {
  Bridge,
  BridgeMessage,
  BridgeMessageKind,
  ConnectionState,
  PermanentDeliveryError,
  SendResult,
  SenderIdentity,
} from '../core/types';
import type { IrcConfig } from './config';
import { ircToMarkdown, markdownToIrc } from './formatting';
import { sourceReserve, splitWithPrefix, textBudget } from './line-split';
import { alternativeNick, ircLower, nickToLocalPart } from './nicks';
import { checkTemplates, fill, LineTemplates, linePrefix } from './templates';

/** How long a new connection may take to register before it is dropped and retried. */
const REGISTER_TIMEOUT_MS = 30_000;
/** After registering, how long joins may take before the bridge reports itself connected anyway. */
const JOIN_TIMEOUT_MS = 10_000;
/** While on an alternative nick, how often to try to get the configured one back. */
const REGAIN_NICK_MS = 60_000;

/** The line templates of a config (`irc.*_format`). */
export function templatesOf(config: IrcConfig): LineTemplates {
  const irc = config.irc;
  return {
    message: irc.message_format,
    action: irc.action_format,
    edit: irc.edit_format,
    delete: irc.delete_format,
    direct: irc.direct_format,
    topicPrefix: irc.topic_prefix_format,
  };
}

class ConnectionLost extends Error {
  override readonly name = 'ConnectionLost';
}

interface Connection {
  client: Client;
  registered: boolean;
  joined: Set<string>;
  /** Acks waiting for their PONG, by token. */
  acks: Map<string, { resolve(): void; reject(error: Error): void }>;
  nickAttempt: number;
  limiter: RateLimiter;
  closed: boolean;
  timers: NodeJS.Timeout[];
}

/**
 * The IRC side: one connection (irc-framework) with its own reconnect loop (jittered backoff,
 * unlimited retries), rejoin, flood control, and delivery acknowledged by a PING/PONG round trip
 * (the server handles a client's lines in order, so its PONG proves the lines before it arrived).
 */
export class IrcBridge implements Bridge {
  readonly protocol = 'irc';
  private readonly state = new BehaviorSubject<ConnectionState>('disconnected');
  private readonly incoming = new Subject<BridgeMessage>();
  readonly state$: Observable<ConnectionState> = this.state.asObservable();
  readonly messages$: Observable<BridgeMessage> = this.incoming.asObservable();
  private readonly wanted = new Map<string, string>();
  private readonly allTopics = new Set<string>();
  private readonly keys = new Map<string, string | undefined>();
  private readonly templates: LineTemplates;
  private readonly network: string;
  private readonly backoff: Backoff;
  private readonly stop$ = new AbortController();
  private connection: Connection | undefined;
  private ackCounter = 0;
  private loop: Promise<void> | undefined;
  private firstAttempt: { resolve(): void } | undefined;

  constructor(
    private readonly config: IrcConfig,
    private readonly logger: BridgeLogger,
    private readonly createClient: () => Client = () => new Client(),
  ) {
    const irc = config.irc;
    this.templates = templatesOf(config);
    checkTemplates(this.templates);
    this.network = (irc.network ?? irc.host).toLowerCase();
    this.backoff = new Backoff({
      baseMs: config.reconnect.base_ms,
      capMs: config.reconnect.cap_ms,
    });
    for (const channel of config.channels) {
      this.keys.set(ircLower(channel.irc), channel.key);
      if (channel.topic === undefined) this.allTopics.add(ircLower(channel.irc));
    }
  }

  // ---- identities ----

  mirrorEmail(sender: SenderIdentity): string {
    return `${nickToLocalPart(sender.remoteId)}@irc.${this.network}`;
  }

  ownsMirrorEmail(email: string): boolean {
    return email.toLowerCase().endsWith(`@irc.${this.network}`);
  }

  remotePersonFor(email: string): string | undefined {
    return this.ownsMirrorEmail(email) ? email.slice(0, email.lastIndexOf('@')) : undefined;
  }

  joinedChannels(): string[] {
    return this.connection ? [...this.connection.joined].sort() : [];
  }

  /** The nick in use right now (it differs from the configured one after a collision). */
  get currentNick(): string | undefined {
    return this.connection?.registered ? this.connection.client.user.nick : undefined;
  }

  // ---- lifecycle ----

  connect(): Promise<void> {
    if (this.loop) return Promise.resolve();
    // Settles on the first `connected`, or when the first attempt failed (retries go on).
    const settled = new Promise<void>((resolve) => {
      this.firstAttempt = { resolve };
      const subscription = this.state.subscribe((state) => {
        if (state !== 'connected') return;
        resolve();
        queueMicrotask(() => subscription.unsubscribe());
      });
    });
    this.loop = this.run();
    return settled;
  }

  async join(channel: string): Promise<void> {
    this.wanted.set(ircLower(channel), channel);
    const conn = this.connection;
    if (conn?.registered && !conn.joined.has(ircLower(channel))) {
      conn.client.join(channel, this.keys.get(ircLower(channel)));
    }
  }

  async disconnect(reason = 'bridge stopping'): Promise<void> {
    if (this.stop$.signal.aborted) return;
    this.stop$.abort();
    const conn = this.connection;
    if (conn && !conn.closed) {
      const closed = new Promise<void>((resolve) => conn.client.once('close', () => resolve()));
      conn.client.quit(reason);
      const gaveUp = new AbortController();
      await Promise.race([closed, sleep(2000, gaveUp.signal)]);
      gaveUp.abort();
      this.closeConnection(conn, 'stopped');
    }
    await this.loop;
    this.state.next('stopped');
    this.state.complete();
    this.incoming.complete();
  }

  private async run(): Promise<void> {
    while (!this.stop$.signal.aborted) {
      this.state.next('connecting');
      const ended = await this.openConnection();
      this.firstAttempt?.resolve();
      this.firstAttempt = undefined;
      if (this.stop$.signal.aborted) break;
      this.state.next('disconnected');
      const delay = this.backoff.nextDelay();
      this.logger.warn('IRC connection lost; reconnecting', {
        reason: ended,
        retry_in_ms: delay,
        attempt: this.backoff.failures,
      });
      await sleep(delay, this.stop$.signal);
    }
  }

  private clientOptions(nick: string): IrcClientOptions {
    const irc = this.config.irc;
    return {
      host: irc.host,
      port: irc.port ?? (irc.tls ? 6697 : 6667),
      tls: irc.tls,
      rejectUnauthorized: irc.tls_verify,
      password: irc.password,
      nick,
      username: irc.username ?? irc.nick,
      gecos: irc.realname,
      // SASL PLAIN only when configured: irc-framework would otherwise try the server password.
      account: irc.sasl_password
        ? { account: irc.sasl_username ?? irc.nick, password: irc.sasl_password }
        : {},
      auto_reconnect: false,
      ping_interval: irc.ping_interval_seconds,
      ping_timeout: irc.ping_timeout_seconds,
      version: null,
    };
  }

  /** One connection, from connect to close; resolves with why it ended. */
  private openConnection(): Promise<string> {
    const irc = this.config.irc;
    const client = this.createClient();
    const conn: Connection = {
      client,
      registered: false,
      joined: new Set(),
      acks: new Map(),
      nickAttempt: 0,
      limiter: new RateLimiter(irc.flood_lines_per_second, irc.flood_burst),
      closed: false,
      timers: [],
    };
    this.connection = conn;
    return new Promise<string>((resolve) => {
      let reason = 'connection closed';
      const finish = (why: string): void => {
        reason = why;
        client.connection.end(undefined, true);
      };
      conn.timers.push(
        setTimeout(() => {
          if (!conn.registered) finish('registration timed out');
        }, REGISTER_TIMEOUT_MS),
      );
      client.on('registered', () => this.onRegistered(conn));
      client.on('nick in use', (event) => {
        if (conn.registered) return;
        conn.nickAttempt += 1;
        const next = alternativeNick(irc.nick, conn.nickAttempt);
        this.logger.warn('nick in use; trying another', { nick: event.nick, next });
        client.changeNick(next);
      });
      client.on('join', (event) => {
        if (event.nick !== client.user.nick) return this.relayPresence('join', event);
        conn.joined.add(ircLower(event.channel));
        this.logger.info('joined', { channel: event.channel });
        this.reportConnectedWhenJoined(conn);
      });
      client.on('part', (event) => {
        if (event.nick === client.user.nick) conn.joined.delete(ircLower(event.channel));
        else this.relayPresence('part', event);
      });
      client.on('kick', (event) => {
        if (event.kicked !== client.user.nick) return;
        conn.joined.delete(ircLower(event.channel));
        this.logger.warn('kicked; rejoining', { channel: event.channel, by: event.nick });
        void this.rejoinAfterKick(conn, event.channel);
      });
      client.on('irc error', (event) => {
        this.logger.warn('IRC error', {
          error: event.error,
          channel: event.channel,
          reason: event.reason,
        });
      });
      client.on('sasl failed', (event) =>
        this.logger.error('SASL login failed', { reason: event.reason }),
      );
      client.on('loggedin', (event) => this.logger.info('logged in', { account: event.account }));
      client.on('ping timeout', () => {
        reason = 'ping timeout';
      });
      client.on('pong', (event) => {
        const ack = conn.acks.get(event.message);
        if (ack) {
          conn.acks.delete(event.message);
          ack.resolve();
        }
      });
      client.on('privmsg', (event) => this.relayMessage('message', event));
      client.on('action', (event) => this.relayMessage('action', event));
      client.on('notice', (event) => this.relayMessage('notice', event));
      client.on('close', () => {
        this.closeConnection(conn, reason);
        resolve(reason);
      });
      this.logger.info('connecting to IRC', { host: irc.host, port: irc.port, tls: irc.tls });
      client.connect(this.clientOptions(irc.nick));
    });
  }

  private closeConnection(conn: Connection, reason: string): void {
    if (conn.closed) return;
    conn.closed = true;
    conn.registered = false;
    conn.joined.clear();
    for (const timer of conn.timers) clearTimeout(timer);
    for (const ack of conn.acks.values()) ack.reject(new ConnectionLost(reason));
    conn.acks.clear();
    conn.client.removeAllListeners();
  }

  private onRegistered(conn: Connection): void {
    const irc = this.config.irc;
    conn.registered = true;
    this.backoff.reset();
    this.logger.info('registered', { nick: conn.client.user.nick });
    if (irc.nickserv_password) {
      conn.client.say(irc.nickserv_nick, `IDENTIFY ${irc.nick} ${irc.nickserv_password}`);
    }
    for (const [key, channel] of this.wanted) conn.client.join(channel, this.keys.get(key));
    conn.timers.push(
      setTimeout(() => {
        if (conn.closed || this.state.value === 'connected') return;
        const missing = [...this.wanted.values()].filter((c) => !conn.joined.has(ircLower(c)));
        this.logger.warn('some channels could not be joined; relaying to the others', { missing });
        this.state.next('connected');
      }, JOIN_TIMEOUT_MS),
      setInterval(() => {
        if (conn.registered && conn.client.user.nick !== irc.nick) conn.client.changeNick(irc.nick);
      }, REGAIN_NICK_MS),
    );
    this.reportConnectedWhenJoined(conn);
  }

  private reportConnectedWhenJoined(conn: Connection): void {
    if (!conn.registered || this.state.value === 'connected') return;
    if ([...this.wanted.keys()].every((key) => conn.joined.has(key))) {
      this.state.next('connected');
    }
  }

  private async rejoinAfterKick(conn: Connection, channel: string): Promise<void> {
    const backoff = new Backoff({
      baseMs: this.config.reconnect.base_ms,
      capMs: this.config.reconnect.cap_ms,
    });
    while (!conn.closed && !conn.joined.has(ircLower(channel)) && !this.stop$.signal.aborted) {
      await backoff.wait(this.stop$.signal);
      if (!conn.closed && !conn.joined.has(ircLower(channel))) {
        conn.client.join(channel, this.keys.get(ircLower(channel)));
      }
    }
  }

  // ---- IRC → chat ----

  private isIgnored(nick: string | undefined, conn: Connection | undefined): boolean {
    if (!nick || !conn) return true;
    const lower = ircLower(nick);
    if (lower === ircLower(conn.client.user.nick)) return true;
    return this.config.irc.ignore_nicks.some((n) => ircLower(n) === lower);
  }

  private relayMessage(kind: BridgeMessageKind, event: IrcMessageEvent): void {
    const conn = this.connection;
    if (event.from_server || this.isIgnored(event.nick, conn) || !conn) return;
    const direct = ircLower(event.target) === ircLower(conn.client.user.nick);
    if (direct && kind === 'notice') {
      // Services and bots talk in notices; they are logged, never mirrored.
      this.logger.info('notice', { from: event.nick, text: event.message.slice(0, 200) });
      return;
    }
    let text = ircToMarkdown(event.message);
    let topic: string | undefined;
    if (!direct && this.allTopics.has(ircLower(event.target))) {
      // `[topic] text` names the topic, as chat messages on IRC are prefixed.
      const named = /^\[([^\]\n]{1,60})\]\s+([\s\S]+)$/.exec(text);
      if (named) {
        topic = named[1].trim();
        text = named[2];
      }
    }
    if (text.trim() === '') return;
    this.incoming.next({
      kind,
      text,
      sender: { name: event.nick, remoteId: event.nick },
      channel: direct ? event.nick : event.target,
      direct,
      topic,
      timestamp: event.time ?? Date.now(),
    });
  }

  private relayPresence(
    kind: 'join' | 'part',
    event: { nick: string; channel: string; message?: string },
  ): void {
    if (!this.config.irc.relay_joins_parts || this.isIgnored(event.nick, this.connection)) return;
    const why = event.message ? ` (${ircToMarkdown(event.message)})` : '';
    this.incoming.next({
      kind,
      text: kind === 'join' ? `joined ${event.channel}` : `left ${event.channel}${why}`,
      sender: { name: event.nick, remoteId: event.nick },
      channel: event.channel,
      timestamp: Date.now(),
    });
  }

  // ---- chat → IRC ----

  /** The IRC lines a chat message becomes: formatted, prefixed, split to fit, capped. */
  formatLines(message: BridgeMessage, nick: string, username: string): string[] {
    const target = message.channel;
    const allTopics = !message.direct && this.allTopics.has(ircLower(target));
    const topicPrefix =
      allTopics && message.topic !== undefined
        ? fill(this.templates.topicPrefix, { topic: message.topic })
        : '';
    const values = {
      topic_prefix: topicPrefix,
      name: message.sender.name,
      topic: message.topic ?? '',
    };
    if (message.kind === 'notice') return markdownToIrc(message.text);
    if (message.kind === 'delete') return [fill(this.templates.delete, values)];
    const template = message.direct
      ? this.templates.direct
      : message.kind === 'action'
        ? this.templates.action
        : message.kind === 'edit'
          ? this.templates.edit
          : this.templates.message;
    const prefix = linePrefix(template, values);
    const budget = textBudget('PRIVMSG', target, sourceReserve(nick, username));
    const lines = markdownToIrc(message.text).flatMap((line) =>
      splitWithPrefix(prefix, line, budget),
    );
    const max = this.config.irc.max_lines_per_message;
    if (lines.length <= max) return lines;
    this.logger.warn('long message cut', {
      server_message_id: message.serverMessageId,
      lines: lines.length,
      sent: max,
    });
    return [
      ...lines.slice(0, max - 1),
      `${prefix}(… ${lines.length - max + 1} more lines on chat)`,
    ];
  }

  async send(message: BridgeMessage): Promise<SendResult> {
    const conn = this.connection;
    if (!conn?.registered || conn.closed) throw new ConnectionLost('not connected to IRC');
    if (!message.direct && !conn.joined.has(ircLower(message.channel))) {
      if (!this.wanted.has(ircLower(message.channel))) {
        throw new PermanentDeliveryError(`${message.channel} is not a bridged channel`);
      }
      throw new ConnectionLost(`not in ${message.channel} yet`);
    }
    const client = conn.client;
    const lines = this.formatLines(message, client.user.nick, client.user.username);
    for (const line of lines) {
      await conn.limiter.take(this.stop$.signal);
      if (conn.closed) throw new ConnectionLost('connection lost while sending');
      if (message.kind === 'notice') client.raw('NOTICE', message.channel, line);
      else client.raw('PRIVMSG', message.channel, line);
    }
    await this.acknowledge(conn);
    return {};
  }

  /**
   * Resolves when the server answered a PING sent after the message's lines. The PING takes no
   * flood token (the limiter paces the lines people read; a PING per message would halve them),
   * and it is never registered on a connection that closed meanwhile: closing rejects the acks
   * it knows, so a late one would wait out the whole acknowledgement timeout instead.
   */
  private async acknowledge(conn: Connection): Promise<void> {
    if (conn.closed) throw new ConnectionLost('connection lost before the acknowledgement');
    const token = `zhack${++this.ackCounter}`;
    const acked = new Promise<void>((resolve, reject) => conn.acks.set(token, { resolve, reject }));
    conn.client.raw('PING', token);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new ConnectionLost('no PONG from the IRC server')),
        this.config.irc.ack_timeout_seconds * 1000,
      );
    });
    try {
      await Promise.race([acked, timeout]);
    } finally {
      clearTimeout(timer);
      conn.acks.delete(token);
    }
  }
}
