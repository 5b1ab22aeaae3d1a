import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '@hub/config';
import { generateApiKey } from '../identity/api-key';
import { APP_CONFIG } from '../config/config.module';
import { ZulipError } from '../common/zulip-error';
import { Database } from '../database/database.service';
import { EventPublisher } from '../event-publisher/event-publisher';
import { RealmResolver } from '../identity/realm-resolver.service';
import type { Realm } from '../identity/realm.types';
import { noSuchUser } from '../identity/permissions';
import { avatarUrl } from '../identity/user-presenter';
import { BotType, isAdmin, Role, User } from '../identity/user.types';
import { UsersRepository } from '../identity/users.repository';
import { UsersService } from '../users/users.service';
import { BotServiceRow, BotWithOwner, EMBEDDED_BOT_NAMES, ServiceInterface } from './bot.types';
import { BotsRepository } from './bots.repository';
import { buildZuliprc } from './zuliprc';

export interface NewBot {
  fullName: string;
  shortName: string;
  botType: BotType;
  payloadUrl?: string;
  interfaceType?: ServiceInterface;
  serviceName?: string;
  configData?: Record<string, unknown>;
  defaultAllPublicStreams?: boolean;
}

export interface BotChanges {
  fullName?: string;
  ownerId?: number;
  payloadUrl?: string;
  interfaceType?: ServiceInterface;
  configData?: Record<string, unknown>;
  defaultAllPublicStreams?: boolean;
}

const SHORT_NAME = /^[a-z0-9][a-z0-9._-]*$/i;

function validUrl(url: string, name: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw ZulipError.invalid(name, 'not a URL');
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw ZulipError.invalid(name, 'must be an http or https URL');
  }
  return url;
}

function stringConfig(config: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(config)) {
    if (typeof value !== 'string')
      throw ZulipError.invalid('config_data', `${key} must be a string`);
    out[key] = value;
  }
  return out;
}

@Injectable()
export class BotsService {
  constructor(
    private readonly bots: BotsRepository,
    private readonly users: UsersRepository,
    private readonly usersService: UsersService,
    private readonly resolver: RealmResolver,
    private readonly db: Database,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly events: EventPublisher,
  ) {}

  /** The domain bot addresses use: the realm's host name, without a port. */
  botDomain(realm: Pick<Realm, 'string_id'>): string {
    const root = this.config.rootDomain;
    return realm.string_id ? `${realm.string_id}.${root}` : root;
  }

  /** Creates a bot owned by `owner` (`POST /bots`, and the CLI with the owner it names). */
  async create(owner: User, realm: Realm, input: NewBot): Promise<User> {
    if (owner.is_bot) throw ZulipError.forbidden('Bots cannot create bots', 'BAD_REQUEST');
    if (owner.role === Role.Guest) throw ZulipError.forbidden('Guests cannot create bots');
    const shortName = input.shortName.trim();
    if (!SHORT_NAME.test(shortName)) {
      throw ZulipError.invalid('short_name', 'use letters, digits, dots, hyphens and underscores');
    }
    const fullName = this.usersService.validateFullName(input.fullName);
    const service = this.serviceFor(input);
    const config = input.configData ? stringConfig(input.configData) : {};
    const created = await this.db.transaction(async () => {
      if (await this.bots.activeBotNamed(realm.id, fullName)) {
        throw ZulipError.badRequest('Name is already in use!', { var_name: 'full_name' });
      }
      const bot = await this.usersService.insertUser({
        realm_id: realm.id,
        email: `${shortName.toLowerCase()}-bot@${this.botDomain(realm)}`,
        full_name: fullName,
        role: Role.Member,
        is_bot: true,
        bot_type: input.botType,
        bot_owner_id: owner.id,
      });
      if (service) await this.bots.addService(bot.id, service);
      await this.bots.setConfig(bot.id, config);
      if (input.defaultAllPublicStreams) {
        return this.users.update(bot.id, { default_all_public_streams: true });
      }
      return bot;
    });
    await this.usersService.announceNewUser(created);
    await this.publishBot('add', created);
    return created;
  }

  /** The caller's active bots; administrators see every bot of the realm. */
  async list(
    actor: User,
    realm: Realm,
  ): Promise<{ bots: BotWithOwner[]; services: BotServiceRow[] }> {
    const bots = await this.bots.listActive(realm.id, isAdmin(actor) ? null : actor.id);
    const services = await this.bots.servicesOf(bots.map((b) => b.id));
    return { bots, services };
  }

  /** A bot the actor may manage: its owner, or an administrator. */
  async manageable(actor: User, realm: Realm, botId: number): Promise<User> {
    const bot = await this.users.findInRealm(realm.id, botId);
    if (!bot || !bot.is_bot) throw noSuchUser();
    if (bot.bot_owner_id !== actor.id && !isAdmin(actor)) {
      throw ZulipError.forbidden('Insufficient permission');
    }
    return bot;
  }

  async update(actor: User, realm: Realm, botId: number, changes: BotChanges): Promise<User> {
    const bot = await this.manageable(actor, realm, botId);
    const update: Partial<Pick<User, 'full_name' | 'bot_owner_id' | 'default_all_public_streams'>> =
      {};
    if (changes.fullName !== undefined) {
      update.full_name = this.usersService.validateFullName(changes.fullName);
    }
    if (changes.ownerId !== undefined) {
      const owner = await this.users.findInRealm(realm.id, changes.ownerId);
      if (!owner) throw ZulipError.badRequest('Failed to change owner, no such user');
      if (!owner.is_active)
        throw ZulipError.badRequest('Failed to change owner, user is deactivated');
      if (owner.is_bot) {
        throw ZulipError.badRequest("Failed to change owner, bots can't own other bots");
      }
      update.bot_owner_id = owner.id;
    }
    if (changes.defaultAllPublicStreams !== undefined) {
      update.default_all_public_streams = changes.defaultAllPublicStreams;
    }
    const payloadUrl =
      changes.payloadUrl !== undefined
        ? validUrl(changes.payloadUrl, 'service_payload_url')
        : undefined;
    if (
      (payloadUrl !== undefined || changes.interfaceType !== undefined) &&
      bot.bot_type !== BotType.OutgoingWebhook
    ) {
      throw ZulipError.badRequest('Only outgoing webhook bots have a payload URL and interface.');
    }
    if (changes.configData !== undefined && bot.bot_type !== BotType.Embedded) {
      throw ZulipError.badRequest('Only embedded bots have config_data.');
    }
    const config = changes.configData ? stringConfig(changes.configData) : {};
    const updated = await this.db.transaction(async () => {
      if (
        update.full_name &&
        (await this.bots.activeBotNamed(realm.id, update.full_name, bot.id))
      ) {
        throw ZulipError.badRequest('Name is already in use!', { var_name: 'full_name' });
      }
      await this.bots.updateService(bot.id, {
        base_url: payloadUrl,
        interface: changes.interfaceType,
      });
      await this.bots.setConfig(bot.id, config);
      return this.users.update(bot.id, update);
    });
    await this.publishBot('update', updated, bot.bot_owner_id);
    if (update.full_name !== undefined) {
      await this.events.toRealm(realm.id, {
        type: 'realm_user',
        op: 'update',
        person: { user_id: bot.id, full_name: updated.full_name },
      });
    }
    return updated;
  }

  async deactivate(actor: User, realm: Realm, botId: number): Promise<void> {
    const bot = await this.manageable(actor, realm, botId);
    if (!bot.is_active) throw ZulipError.badRequest('Bot is already deactivated');
    await this.users.update(bot.id, { is_active: false });
    const audience = bot.bot_owner_id === null ? [] : [bot.bot_owner_id];
    await this.events.toAdminsAnd(realm.id, audience, {
      type: 'realm_bot',
      op: 'remove',
      bot: { user_id: bot.id, full_name: bot.full_name },
    });
    await this.events.toRealm(realm.id, {
      type: 'realm_user',
      op: 'update',
      person: { user_id: bot.id, is_active: false },
    });
  }

  /**
   * `realm_bot` add/update with Zulip's bot object (API key included), to the bot's owner and
   * the realm's administrators; a previous owner also learns of an ownership change.
   */
  private async publishBot(op: 'add' | 'update', bot: User, previousOwner?: number | null) {
    const services = await this.bots.servicesOf([bot.id]);
    const config = bot.bot_type === BotType.Embedded ? await this.bots.configOf(bot.id) : {};
    const audience = [bot.bot_owner_id, previousOwner].filter((id): id is number => id != null);
    await this.events.toAdminsAnd(bot.realm_id, audience, {
      type: 'realm_bot',
      op,
      bot: {
        user_id: bot.id,
        email: bot.email,
        full_name: bot.full_name,
        bot_type: bot.bot_type,
        is_active: bot.is_active,
        api_key: bot.api_key,
        avatar_url: avatarUrl(bot),
        default_sending_stream: null,
        default_events_register_stream: null,
        default_all_public_streams: bot.default_all_public_streams,
        owner_id: bot.bot_owner_id,
        services: services.map((s) =>
          bot.bot_type === BotType.OutgoingWebhook
            ? { base_url: s.base_url, interface: s.interface, token: s.token }
            : { service_name: s.name, config_data: config },
        ),
      },
    });
  }

  async regenerateApiKey(actor: User, realm: Realm, botId: number): Promise<string> {
    const bot = await this.manageable(actor, realm, botId);
    return this.usersService.regenerateApiKey(bot);
  }

  configOf(botId: number): Promise<Record<string, string>> {
    return this.bots.configOf(botId);
  }

  /**
   * The bot's `.zuliprc`. As in Zulip, only the owner may download the credentials of a webhook
   * bot; administrators may also download those of generic and embedded bots.
   */
  async zuliprc(actor: User, realm: Realm, botId: number): Promise<string> {
    const bot = await this.manageable(actor, realm, botId);
    const webhook =
      bot.bot_type === BotType.IncomingWebhook || bot.bot_type === BotType.OutgoingWebhook;
    if (webhook && bot.bot_owner_id !== actor.id) {
      throw ZulipError.forbidden("Only the bot's owner can download a webhook bot's zuliprc");
    }
    return this.zuliprcFor(bot, realm);
  }

  /** The `.zuliprc` text of any bot or user, for the API and the CLI. */
  async zuliprcFor(user: User, realm: Pick<Realm, 'string_id'>): Promise<string> {
    const [service] =
      user.bot_type === BotType.OutgoingWebhook ? await this.bots.servicesOf([user.id]) : [];
    return buildZuliprc({
      email: user.email,
      key: user.api_key,
      site: this.resolver.realmUrl(realm),
      token: service?.token,
    });
  }

  private serviceFor(
    input: NewBot,
  ): Pick<BotServiceRow, 'name' | 'base_url' | 'token' | 'interface'> | null {
    if (input.botType === BotType.OutgoingWebhook) {
      if (!input.payloadUrl) throw ZulipError.missing('payload_url');
      return {
        name: input.shortName,
        base_url: validUrl(input.payloadUrl, 'payload_url'),
        token: generateApiKey(),
        interface: input.interfaceType ?? ServiceInterface.Zulip,
      };
    }
    if (input.botType === BotType.Embedded) {
      const name = input.serviceName ?? '';
      if (!(EMBEDDED_BOT_NAMES as readonly string[]).includes(name)) {
        throw ZulipError.invalid('service_name', `choose one of ${EMBEDDED_BOT_NAMES.join(', ')}`);
      }
      return { name, base_url: '', token: generateApiKey(), interface: ServiceInterface.Zulip };
    }
    if (input.configData && Object.keys(input.configData).length > 0) {
      throw ZulipError.badRequest('Only embedded bots have config_data.');
    }
    return null;
  }
}
