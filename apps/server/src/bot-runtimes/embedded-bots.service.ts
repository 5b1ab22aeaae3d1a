import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { BotStorageService } from '../bot-storage/bot-storage.service';
import { MessageEditService } from '../messages/message-edit.service';
import { ReactionsService } from '../messages/reactions.service';
import { UsersRepository } from '../identity/users.repository';
import { findRegisteredBot } from '../../../../bots/framework/registry';
import { BotRuntime } from '../../../../bots/framework/runtime';
import type { BotMessage } from '../../../../bots/framework/types';
import { BotEventError } from './bot-event-error';
import { BotMessenger } from './bot-messenger.service';
import { InProcessBotBackend, type InProcessServices } from './in-process-bot-backend';
import type { WebhookMessage } from './outgoing-webhook-payload';
import type { ServiceBotEvent } from './service-bot-event';

interface RunningBot {
  /** Name, service and config the runtime was built with; a change builds a new one. */
  key: string;
  runtime: BotRuntime;
}

/** "virtual_fs" → "ZulipVirtualFsEmbeddedBot", the client name Zulip records for its messages. */
export function embeddedClientName(service: string): string {
  const camel = service
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((part) => part[0].toUpperCase() + part.slice(1))
    .join('');
  return `Zulip${camel}EmbeddedBot`;
}

/** The message as the framework's dispatch reads it. */
function incoming(message: WebhookMessage): Omit<BotMessage, 'full_content'> {
  return {
    id: message.id,
    type: message.type,
    sender_id: message.sender_id,
    sender_email: message.sender_email,
    sender_full_name: message.sender_full_name,
    display_recipient:
      typeof message.display_recipient === 'string'
        ? message.display_recipient
        : message.display_recipient.map(({ id, email, full_name }) => ({ id, email, full_name })),
    stream_id: message.stream_id,
    subject: message.subject,
    content: message.content,
    timestamp: message.timestamp,
  };
}

/**
 * Runs bundled bots inside the server: one framework `BotRuntime` per embedded bot (so its rate
 * guard and handler state persist), dispatching exactly as `npm run bot` does.
 */
@Injectable()
export class EmbeddedBots implements OnModuleInit {
  private readonly running = new Map<number, RunningBot>();
  private readonly logger = new Logger('EmbeddedBots');
  private services?: InProcessServices;

  constructor(
    private readonly messenger: BotMessenger,
    private readonly users: UsersRepository,
    private readonly storage: BotStorageService,
    private readonly editor: MessageEditService,
    private readonly reactions: ReactionsService,
  ) {}

  onModuleInit(): void {
    this.services = {
      messenger: this.messenger,
      editor: this.editor,
      reactions: this.reactions,
      users: this.users,
      storage: this.storage,
    };
  }

  async handle(event: ServiceBotEvent, config: Record<string, string>): Promise<void> {
    const runtime = await this.runtimeFor(event, config);
    await runtime.dispatch({ message: incoming(event.message), flags: [] });
  }

  private async runtimeFor(
    event: ServiceBotEvent,
    config: Record<string, string>,
  ): Promise<BotRuntime> {
    const { botUser, realm, service } = event;
    const key = JSON.stringify([botUser.full_name, botUser.email, service.service_name, config]);
    const known = this.running.get(botUser.id);
    if (known && known.key === key) return known.runtime;

    const registered = findRegisteredBot(service.service_name);
    if (!registered) {
      throw new BotEventError(`the embedded bot "${service.service_name}" is not available here`);
    }
    if (!this.services) throw new Error('EmbeddedBots is not initialized yet');
    const client = embeddedClientName(service.service_name);
    const runtime = new BotRuntime({
      handler: registered.create(),
      backend: new InProcessBotBackend(botUser, realm, this.services, client),
      // Zulip hands an embedded bot its config_data whatever section it asks for by name.
      config: { sections: { [service.service_name]: config }, path: null },
      log: (line) => {
        this.logger.warn(`${botUser.email}: ${line}`);
        void this.messenger.noticeOwner(
          botUser,
          realm,
          `Your embedded bot @_**${botUser.full_name}** ran into a problem: ${line}`,
        );
      },
    });
    try {
      await runtime.start();
    } catch (error) {
      throw new BotEventError(`the embedded bot could not start: ${(error as Error).message}`);
    }
    this.running.set(botUser.id, { key, runtime });
    return runtime;
  }
}
