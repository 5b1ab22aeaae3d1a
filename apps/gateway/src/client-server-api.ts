import { ZulipClient } from '@hub/client';
import type { BotIdentity, DeliveryReportParams, OutgoingMessage, ServerApi } from './server-api';

/**
 * The gateway's view of the server, through libs/client. Each request carries the Host header the
 * webhook arrived with, so the server resolves the same realm the webhook URL named.
 */
export class ClientServerApi implements ServerApi {
  private readonly clients = new Map<string, ZulipClient>();

  constructor(private readonly serverUrl: string) {}

  private client(host: string, email: string, apiKey: string): ZulipClient {
    const key = `${host}\u0000${email}\u0000${apiKey}`;
    let client = this.clients.get(key);
    if (!client) {
      client = new ZulipClient({
        site: this.serverUrl,
        email,
        apiKey,
        hostHeader: host || undefined,
        clientName: 'ZulipHubWebhookGateway',
        configFile: undefined,
        env: {},
        logger: null,
      });
      if (this.clients.size > 10_000) this.clients.clear();
      this.clients.set(key, client);
    }
    return client;
  }

  async identify(host: string, apiKey: string): Promise<BotIdentity> {
    // An empty email authenticates by key alone, as webhook URLs carry only the key.
    const me = await this.client(host, '', apiKey).users.me();
    return {
      userId: me.user_id,
      email: me.email,
      fullName: me.full_name,
      isBot: me.is_bot,
      ownerId: me.bot_owner_id ?? null,
    };
  }

  async send(
    host: string,
    email: string,
    apiKey: string,
    message: OutgoingMessage,
  ): Promise<number> {
    const client = this.client(host, email, apiKey);
    if (message.stream !== null) {
      const sent = await client.messages.send({
        type: 'stream',
        to: /^\d+$/.test(message.stream) ? Number(message.stream) : message.stream,
        topic: message.topic,
        content: message.content,
      });
      return sent.id;
    }
    const sent = await client.messages.send({
      type: 'private',
      to: message.dmTo ?? [],
      content: message.content,
    });
    return sent.id;
  }

  async reportDelivery(
    host: string,
    email: string,
    apiKey: string,
    report: DeliveryReportParams,
  ): Promise<void> {
    await this.client(host, email, apiKey).call('POST', 'webhooks/deliveries', report);
  }
}
