import { timingSafeEqual } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { ParsedMail } from 'mailparser';
import type { AppConfig } from '@hub/config';
import { RateLimiter } from '../common/rate-limiter';
import { ZulipError } from '../common/zulip-error';
import { APP_CONFIG } from '../config/config.module';
import { RealmsRepository } from '../identity/realms.repository';
import type { Realm } from '../identity/realm.types';
import { UsersRepository } from '../identity/users.repository';
import { BotType, User } from '../identity/user.types';
import { MessageSendService } from '../messages/message-send.service';
import { StreamsService } from '../streams/streams.service';
import { UploadsService } from '../uploads/uploads.service';
import { UsersService } from '../users/users.service';
import { decodeChannelAddress, encodeChannelAddress, matchesPattern } from './email-address';
import { convertEmail, messageContent, parseEmail } from './email-message';
import { EmailGatewayRepository } from './email-gateway.repository';
import { emailTooLarge } from './raw-email-body';

/** Emails one organization's channels may receive per minute (Zulip's first limit). */
const EMAILS_PER_REALM_PER_MINUTE = 50;

/** Headers that may name the gateway address an email was delivered to, most specific first. */
const RECIPIENT_HEADERS = [
  'delivered-to',
  'x-original-to',
  'envelope-to',
  'x-gm-original-to',
  'resent-to',
  'resent-cc',
  'to',
  'cc',
];

/** The local part of the bot each organization's channel emails are posted as. */
const GATEWAY_BOT_LOCAL_PART = 'emailgateway';

/** What the intake reports once the email is a message. */
export interface MirroredEmail {
  message_id: number;
  stream_id: number;
  topic: string;
}

/**
 * Zulip's incoming email gateway: every channel has a secret address (its token, kept in the
 * database), handed only to people who may post there; an email to it becomes a message in the
 * channel, posted by the organization's "Email Gateway" bot with the email's files uploaded.
 */
@Injectable()
export class EmailGatewayService {
  private readonly logger = new Logger('EmailGateway');

  constructor(
    private readonly repo: EmailGatewayRepository,
    private readonly streams: StreamsService,
    private readonly realms: RealmsRepository,
    private readonly users: UsersRepository,
    private readonly usersService: UsersService,
    private readonly uploads: UploadsService,
    private readonly sender: MessageSendService,
    private readonly limiter: RateLimiter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private pattern(): string {
    const pattern = this.config.emailGateway.pattern;
    if (!pattern) {
      throw ZulipError.badRequest(
        'The email gateway is not configured on this server (EMAIL_GATEWAY_PATTERN is unset)',
      );
    }
    return pattern;
  }

  /**
   * GET /streams/{id}/email_address: the channel's address, with Zulip's default `show-sender`
   * flag, for someone who may post in the channel (Zulip feature level 448's rule).
   */
  async addressFor(user: User, streamId: number): Promise<string> {
    const pattern = this.pattern();
    const stream = await this.streams.getStreamForUser(user, streamId);
    if (!(await this.streams.canPost(user, stream))) {
      throw ZulipError.badRequest('You do not have permission to post in this channel.');
    }
    const token = await this.repo.tokenFor(stream.id);
    return encodeChannelAddress(pattern, stream.name, token, { showSender: true });
  }

  /** Whether `presented` is the configured shared secret (compared in constant time). */
  secretMatches(presented: string | undefined): boolean {
    const secret = this.config.emailGateway.secret;
    if (!secret || presented === undefined) return false;
    const a = Buffer.from(presented);
    const b = Buffer.from(secret);
    return a.length === b.length && timingSafeEqual(a, b);
  }

  /**
   * One raw RFC 822 message for the channel its recipient address names (`recipient`: the
   * envelope recipient when the mail server knows it; otherwise read from the headers).
   */
  async receive(raw: Buffer, recipient: string | undefined): Promise<MirroredEmail> {
    const pattern = this.pattern();
    if (raw.length > this.maxMessageBytes) throw emailTooLarge(this.maxMessageBytes);
    if (raw.length === 0) throw ZulipError.badRequest('The email is empty');
    const mail = await parseEmail(raw);
    const address = recipient?.trim() || this.recipientFromHeaders(mail, pattern);
    const decoded = address ? decodeChannelAddress(pattern, address) : undefined;
    const stream = decoded && (await this.repo.streamByToken(decoded.token));
    if (!address || !decoded || !stream) {
      throw new ZulipError(
        'BAD_REQUEST',
        address
          ? `Bad channel token from email recipient ${address}`
          : 'No recipient address of the email gateway in this email',
        404,
      );
    }
    const realm = await this.realms.findById(stream.realm_id);
    if (!realm || realm.deactivated) {
      throw new ZulipError('BAD_REQUEST', 'This organization is deactivated', 404);
    }
    const verdict = await this.limiter.hit(
      `email-gateway:${realm.id}`,
      EMAILS_PER_REALM_PER_MINUTE,
    );
    if (!verdict.allowed) throw ZulipError.rateLimited(verdict.resetIn);
    const bot = await this.gatewayBot(realm);
    const converted = convertEmail(mail, decoded.options);
    const links: Array<{ name: string; url: string }> = [];
    for (const file of converted.attachments) {
      const uploaded = await this.uploads.uploadBuffer(bot, realm, {
        name: file.fileName,
        contentType: file.contentType,
        data: file.content,
      });
      links.push({ name: uploaded.filename, url: uploaded.url });
    }
    const sent = await this.sender.send(
      bot,
      realm,
      {
        type: 'stream',
        to: stream.id,
        topic: converted.topic,
        content: messageContent(converted.body, links),
        client: 'Internal',
      },
      { systemSender: true },
    );
    this.logger.log(
      `email to channel ${stream.id} of realm ${realm.id} is message ${sent.message.id}`,
    );
    return { message_id: sent.message.id, stream_id: stream.id, topic: converted.topic };
  }

  get maxMessageBytes(): number {
    return this.config.emailGateway.maxMessageBytes;
  }

  /** The first address in the delivery headers that has the gateway's shape. */
  private recipientFromHeaders(mail: ParsedMail, pattern: string): string | undefined {
    for (const name of RECIPIENT_HEADERS) {
      const value = mail.headers.get(name);
      const values = Array.isArray(value) ? value : value === undefined ? [] : [value];
      for (const one of values) {
        for (const address of addressesIn(one)) {
          if (matchesPattern(pattern, address)) return address;
        }
      }
    }
    return undefined;
  }

  /** The organization's "Email Gateway" bot, made the first time an email arrives. */
  private async gatewayBot(realm: Realm): Promise<User> {
    const email = `${GATEWAY_BOT_LOCAL_PART}@${this.config.rootDomain}`;
    let bot = await this.users.findByEmail(realm.id, email);
    if (!bot) {
      try {
        bot = await this.usersService.insertWithDefaults({
          realm_id: realm.id,
          email,
          full_name: 'Email Gateway',
          is_bot: true,
          bot_type: BotType.Generic,
          bot_owner_id: null,
        });
      } catch (err) {
        // Two emails at once: the other one made it.
        bot = await this.users.findByEmail(realm.id, email);
        if (!bot) throw err;
      }
    }
    if (!bot.is_active || !bot.is_bot) {
      throw ZulipError.forbidden('The email gateway is turned off in this organization');
    }
    return bot;
  }
}

/** The addresses of a header value as mailparser gives it (address objects, or text). */
function addressesIn(value: unknown): string[] {
  if (typeof value === 'string') return value.match(/[^\s<>,;"]+@[^\s<>,;"]+/g) ?? [];
  if (value && typeof value === 'object' && 'value' in value && Array.isArray(value.value)) {
    const found: string[] = [];
    for (const entry of value.value as Array<{ address?: string; group?: unknown[] }>) {
      if (entry.address) found.push(entry.address);
      if (entry.group) found.push(...addressesIn({ value: entry.group }));
    }
    return found;
  }
  return [];
}
