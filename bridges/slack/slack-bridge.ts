import { createHash } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { App, HTTPReceiver, LogLevel, types, webApi } from '@slack/bolt';
import { BehaviorSubject, Observable, Subject } from 'rxjs';
import { Backoff, BackoffOptions } from '../core/backoff';
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
import { markdownToSlack, slackToMarkdown } from './mrkdwn';

export interface SlackBridgeOptions {
  /** Bot token (`xoxb-...`) with chat:write, chat:write.customize, users:read. */
  botToken: string;
  /** Checks the `X-Slack-Signature` of every Events API request. */
  signingSecret: string;
  /** Where the Events API posts: `http://<host>:<port><eventsPath>`. */
  host: string;
  port: number;
  eventsPath: string;
  /** The Web API base, e.g. `https://slack.com/api/` (tests point it at a recorder). */
  apiUrl: string;
  /** Chat email domain of the mirror users; never a real user's domain. */
  mirrorDomain: string;
  /** The picture Slack shows beside a relayed chat message; `{email_md5}`, `{email}`. */
  avatarUrl: string;
  mappings: ChannelMapping[];
  backoff: BackoffOptions;
  logger: BridgeLogger;
}

type MessageEvent = types.MessageEvent;

/** `C0123/1700000000.000100`: a Slack message is named by its channel and timestamp. */
function remoteId(channel: string, ts: string): string {
  return `${channel}/${ts}`;
}

function parseRemoteId(id: string): { channel: string; ts: string } {
  const slash = id.indexOf('/');
  return { channel: id.slice(0, slash), ts: id.slice(slash + 1) };
}

function emailLocalPart(name: string): string {
  const cleaned = name
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '_')
    .replace(/^[._]+|[._]+$/g, '');
  return cleaned === '' ? 'someone' : cleaned.slice(0, 64);
}

/** Web API refusals retrying cannot fix (a missing channel, a revoked token, a bad scope). */
function isPermanentSlackError(error: unknown): boolean {
  const code = (error as { code?: string; data?: { error?: string } }).code;
  if (code !== webApi.ErrorCode.PlatformError) return false;
  const reason = (error as { data?: { error?: string } }).data?.error ?? '';
  return !['ratelimited', 'service_unavailable', 'fatal_error', 'internal_error'].includes(reason);
}

/**
 * Slack side of the bridge, on Bolt: Events API in (signed requests only, through Bolt's HTTP
 * receiver), Web API out with each chat author's name and picture (`chat:write.customize`).
 */
export class SlackBridge implements Bridge {
  readonly protocol = 'slack';
  private readonly state = new BehaviorSubject<ConnectionState>('disconnected');
  private readonly inbound = new Subject<BridgeMessage>();
  readonly state$: Observable<ConnectionState> = this.state.asObservable();
  readonly messages$: Observable<BridgeMessage> = this.inbound.asObservable();

  private readonly app: App;
  private readonly receiver: HTTPReceiver;
  private readonly channels = new Set<string>();
  private readonly userNames = new Map<string, { name: string; handle: string }>();
  private readonly backoff: Backoff;
  private readonly stopping = new AbortController();
  private botId: string | undefined;
  private botUserId: string | undefined;
  private listeningPort: number | undefined;
  private verifying: Promise<void> | undefined;

  constructor(private readonly options: SlackBridgeOptions) {
    this.backoff = new Backoff(options.backoff);
    this.receiver = new HTTPReceiver({
      signingSecret: options.signingSecret,
      endpoints: options.eventsPath,
      logLevel: LogLevel.ERROR,
    });
    this.app = new App({
      receiver: this.receiver,
      token: options.botToken,
      // Verified by our own loop (with backoff), so a Slack outage at start is not fatal.
      tokenVerificationEnabled: false,
      ignoreSelf: false,
      logLevel: LogLevel.ERROR,
      clientOptions: { slackApiUrl: options.apiUrl, retryConfig: { retries: 0 } },
    });
    this.app.event('message', async ({ event }) => {
      await this.onMessage(event);
    });
    this.app.error(async (error) => {
      options.logger.warn('Slack event handling failed', { error });
    });
  }

  /** The port the Events API receiver listens on (useful when configured as 0). */
  get port(): number | undefined {
    return this.listeningPort;
  }

  async connect(): Promise<void> {
    const server = await this.receiver.start({ port: this.options.port, host: this.options.host });
    this.listeningPort = (server.address() as AddressInfo).port;
    this.options.logger.info('Slack Events API receiver listening', {
      host: this.options.host,
      port: this.listeningPort,
      path: this.options.eventsPath,
    });
    this.verifying = this.verifyToken();
    // The first attempt settles quickly either way; failures keep retrying in the background.
    await Promise.race([this.verifying, new Promise((resolve) => setTimeout(resolve, 5000))]);
  }

  async join(channel: string): Promise<void> {
    this.channels.add(channel);
  }

  joinedChannels(): string[] {
    return this.state.value === 'connected' ? [...this.channels] : [];
  }

  mirrorEmail(sender: SenderIdentity): string {
    const handle = this.userNames.get(sender.remoteId)?.handle ?? sender.name;
    return `${emailLocalPart(handle)}@${this.options.mirrorDomain}`;
  }

  ownsMirrorEmail(email: string): boolean {
    return email.toLowerCase().endsWith(`@${this.options.mirrorDomain.toLowerCase()}`);
  }

  remotePersonFor(): string | undefined {
    // Slack DMs would need a user token per person; only channels are bridged.
    return undefined;
  }

  async send(message: BridgeMessage): Promise<SendResult> {
    if (this.state.value !== 'connected') throw new Error('Slack Web API not verified yet');
    if (message.direct) throw new PermanentDeliveryError('Slack DMs are not bridged');
    const client = this.app.client;
    try {
      if (message.kind === 'delete') {
        if (!message.deletes) throw new PermanentDeliveryError('delete of an unknown message');
        const { channel, ts } = parseRemoteId(message.deletes);
        await client.chat.delete({ channel, ts });
        return { remoteMessageId: message.deletes };
      }
      const text = this.slackText(message);
      if (message.kind === 'edit') {
        if (!message.edits) throw new PermanentDeliveryError('edit of an unknown message');
        const { channel, ts } = parseRemoteId(message.edits);
        await client.chat.update({ channel, ts, text });
        return { remoteMessageId: message.edits };
      }
      const posted = await client.chat.postMessage({
        channel: message.channel,
        text,
        username: message.sender.name || undefined,
        icon_url: message.sender.remoteId ? this.avatarFor(message.sender.remoteId) : undefined,
        unfurl_links: false,
      });
      if (!posted.ts) throw new Error('Slack accepted the message but returned no ts');
      return { remoteMessageId: remoteId(posted.channel ?? message.channel, posted.ts) };
    } catch (error) {
      if (error instanceof PermanentDeliveryError || !isPermanentSlackError(error)) throw error;
      throw new PermanentDeliveryError(`Slack refused it: ${(error as Error).message}`);
    }
  }

  async disconnect(): Promise<void> {
    if (this.stopping.signal.aborted) return;
    this.stopping.abort();
    await this.verifying?.catch(() => undefined);
    await this.receiver.stop().catch(() => undefined);
    this.state.next('stopped');
    this.state.complete();
    this.inbound.complete();
  }

  /** `auth.test` until it works: it also names our bot, whose own messages we must ignore. */
  private async verifyToken(): Promise<void> {
    this.state.next('connecting');
    while (!this.stopping.signal.aborted) {
      try {
        const auth = await this.app.client.auth.test();
        this.botId = auth.bot_id;
        this.botUserId = auth.user_id;
        this.backoff.reset();
        this.state.next('connected');
        this.options.logger.info('Slack Web API verified', { team: auth.team, bot: auth.user });
        return;
      } catch (error) {
        if (isPermanentSlackError(error)) {
          this.options.logger.error('Slack refused the bot token', { error });
        }
        this.state.next('disconnected');
        const delay = await this.backoff.wait(this.stopping.signal);
        this.options.logger.warn('Slack Web API unreachable; retrying', { error, after_ms: delay });
        if (!this.stopping.signal.aborted) this.state.next('connecting');
      }
    }
  }

  private avatarFor(email: string): string {
    const normalized = email.trim().toLowerCase();
    const md5 = createHash('md5').update(normalized).digest('hex');
    return this.options.avatarUrl
      .replace('{email_md5}', md5)
      .replace('{email}', encodeURIComponent(normalized));
  }

  /** Names the topic unless it is the one Slack messages go to by default. */
  private slackText(message: BridgeMessage): string {
    const body =
      message.kind === 'action'
        ? `_${markdownToSlack(message.text)}_`
        : markdownToSlack(message.text);
    const mapping = this.options.mappings.find((m) => m.remote === message.channel);
    const topic = message.topic;
    if (!topic || mapping?.topic !== undefined) return body;
    if (mapping && topic.toLowerCase() === mapping.defaultTopic.toLowerCase()) return body;
    return `*[${markdownToSlack(topic)}]* ${body}`;
  }

  private isOurs(event: { bot_id?: string; user?: string }): boolean {
    return (
      (this.botId !== undefined && event.bot_id === this.botId) ||
      (this.botUserId !== undefined && event.user === this.botUserId)
    );
  }

  private async onMessage(event: MessageEvent): Promise<void> {
    if (!this.channels.has(event.channel)) return;
    const channel = event.channel;
    switch (event.subtype) {
      case undefined:
      case 'me_message':
      case 'thread_broadcast':
      case 'bot_message': {
        const author = event as { user?: string; bot_id?: string; username?: string };
        if (this.isOurs(author)) return;
        const sender = await this.identify(author);
        if (!sender) return;
        this.inbound.next({
          kind: event.subtype === 'me_message' ? 'action' : 'message',
          text: slackToMarkdown(event.text ?? '', this.names),
          sender,
          channel,
          remoteMessageId: remoteId(channel, event.ts),
          timestamp: Math.round(Number(event.ts) * 1000),
        });
        return;
      }
      case 'message_changed': {
        const edited = event.message as {
          user?: string;
          bot_id?: string;
          text?: string;
          ts: string;
        };
        if (this.isOurs(edited)) return;
        const sender = await this.identify(edited);
        if (!sender) return;
        this.inbound.next({
          kind: 'edit',
          text: slackToMarkdown(edited.text ?? '', this.names),
          sender,
          channel,
          edits: remoteId(channel, edited.ts),
          timestamp: Math.round(Number(event.ts) * 1000),
        });
        return;
      }
      case 'message_deleted': {
        if (this.isOurs(event.previous_message as { user?: string; bot_id?: string })) return;
        this.inbound.next({
          kind: 'delete',
          text: '',
          sender: { name: '', remoteId: '' },
          channel,
          deletes: remoteId(channel, event.deleted_ts),
          timestamp: Math.round(Number(event.ts) * 1000),
        });
        return;
      }
      default:
        return;
    }
  }

  private readonly names = { user: (id: string) => this.userNames.get(id)?.name };

  /** Who wrote it: a person (looked up once with users.info) or another app's bot. */
  private async identify(author: {
    user?: string;
    bot_id?: string;
    username?: string;
  }): Promise<SenderIdentity | undefined> {
    if (author.user) {
      let known = this.userNames.get(author.user);
      if (!known) {
        try {
          const { user } = await this.app.client.users.info({ user: author.user });
          const handle = user?.name ?? author.user;
          const name = user?.profile?.display_name || user?.real_name || handle;
          known = { name, handle };
          this.userNames.set(author.user, known);
        } catch (error) {
          // Not remembered: the next message asks again.
          this.options.logger.warn('users.info failed; using the user id as the name', {
            error,
            user: author.user,
          });
          known = { name: author.user, handle: author.user };
        }
      }
      return { name: known.name, remoteId: author.user };
    }
    if (author.bot_id) {
      const name = author.username ?? author.bot_id;
      this.userNames.set(author.bot_id, { name, handle: name });
      return { name, remoteId: author.bot_id, isBot: true };
    }
    return undefined;
  }
}
