import { Logger } from '@nestjs/common';
import { ZulipError } from '@hub/api/zulip-error';
import type { IntegrationDefinition, WebhookInput } from '../../../integrations/core/integration';
import { dispatchWebhook } from '../../../integrations/core/dispatch';
import { AnomalousPayloadError } from '../../../integrations/core/payload';
import { BotDirectory } from './bot-directory';
import type { DeliveryQueue } from './delivery-queue';
import { branchWanted, eventWanted, parseEventPatterns } from './event-filter';
import type { OnceStore } from './once-store';
import type { BotIdentity } from './server-api';
import { verifySignature, WebhookSecrets } from './signatures';
import { parseWebhookBody } from './webhook-body';

export interface WebhookRequest {
  integration: string;
  host: string;
  headers: Record<string, string | undefined>;
  query: Record<string, string>;
  rawBody: Buffer;
}

/** What the HTTP layer answers: success, or Zulip's 200-with-error body for unsupported events. */
export type WebhookAnswer = { status: 200; body: Record<string, unknown> };

/** Redelivered webhooks within a day post once. */
const DELIVERY_ID_TTL_SECONDS = 24 * 60 * 60;
/** At most one notice per bot and kind of problem per minute, as Zulip does. */
const OWNER_NOTICE_TTL_SECONDS = 60;
// `topic` stays in the options: with a custom topic some integrations put the title in the body.
const RESERVED_PARAMS = new Set(['api_key', 'stream', 'payload', 'only_events', 'exclude_events']);

/**
 * Accepts a webhook: authenticates the key, validates and renders the event, and queues the
 * message. Everything that can be refused is refused here, before answering; delivery happens
 * later in the worker.
 */
export class WebhookService {
  private readonly logger = new Logger('Webhooks');

  constructor(
    private readonly integrations: ReadonlyMap<string, IntegrationDefinition>,
    private readonly bots: BotDirectory,
    private readonly queue: DeliveryQueue,
    private readonly once: OnceStore,
    private readonly secrets: WebhookSecrets,
  ) {}

  async accept(req: WebhookRequest): Promise<WebhookAnswer> {
    const integration = this.integrations.get(req.integration);
    if (!integration) throw new ZulipError('BAD_REQUEST', 'Endpoint does not exist', 404);

    const contentType = req.headers['content-type'];
    let parsed: ReturnType<typeof parseWebhookBody> | undefined;
    let parseError: ZulipError | undefined;
    try {
      parsed = parseWebhookBody(req.rawBody, contentType);
    } catch (err) {
      parseError = err as ZulipError;
    }
    const params: Record<string, string> = { ...(parsed?.form ?? {}), ...req.query };
    const apiKey = params.api_key?.trim();
    if (!apiKey) throw ZulipError.missing('api_key');
    const bot = await this.bots.identify(req.host, apiKey);
    await verifySignature(this.secrets, bot.email, integration.name, req.rawBody, req.headers);

    if (parseError || !parsed) {
      await this.noticeOwner(req, bot, apiKey, 'invalid-json', invalidJsonNotice(integration, bot));
      throw parseError ?? new ZulipError('INVALID_JSON', 'Malformed JSON', 400);
    }
    if (integration.eventHeader && !req.headers[integration.eventHeader.toLowerCase()]) {
      const header = integration.eventHeader;
      await this.noticeOwner(
        req,
        bot,
        apiKey,
        'missing-header',
        missingHeaderNotice(integration, bot, header),
      );
      throw new ZulipError(
        'MISSING_HTTP_EVENT_HEADER',
        `Missing the HTTP event header '${header}'`,
        400,
        { header },
      );
    }

    const options: Record<string, string> = {};
    for (const [k, v] of Object.entries(params)) if (!RESERVED_PARAMS.has(k)) options[k] = v;
    const input: WebhookInput = { headers: req.headers, payload: parsed.payload, options };
    const only = parseEventPatterns(params.only_events, 'only_events');
    const exclude = parseEventPatterns(params.exclude_events, 'exclude_events');

    const outcome = this.readPayload(integration, () => dispatchWebhook(integration, input));
    if (outcome.kind === 'unsupported') {
      this.logger.warn(
        `Unsupported ${integration.displayName} event "${outcome.event}" (bot ${bot.email})`,
      );
      return {
        status: 200,
        body: {
          result: 'error',
          msg: `The '${outcome.event}' event isn't currently supported by the ${integration.displayName} webhook; ignoring`,
          code: 'UNSUPPORTED_WEBHOOK_EVENT_TYPE',
          webhook_name: integration.displayName,
          event_type: outcome.event,
        },
      };
    }
    if (outcome.kind === 'ignored' || !eventWanted(outcome.event, only, exclude)) return success();
    const branch = integration.branchOf
      ? this.readPayload(integration, () => integration.branchOf!(input))
      : null;
    if (!branchWanted(branch, params.branches)) return success();
    const rendered = outcome.message;

    const deliveryId = integration.deliveryIdHeader
      ? req.headers[integration.deliveryIdHeader.toLowerCase()]
      : undefined;
    const onceKey = deliveryId ? `delivery:${integration.name}:${bot.userId}:${deliveryId}` : null;
    if (onceKey && !(await this.once.claim(onceKey, DELIVERY_ID_TTL_SECONDS))) return success();
    const toOwner = params.stream === undefined || params.stream === '';
    try {
      await this.queue.add({
        host: req.host,
        botEmail: bot.email,
        botApiKey: apiKey,
        stream: toOwner ? null : params.stream,
        dmTo: toOwner ? [bot.ownerId ?? bot.userId] : null,
        topic: params.topic ?? rendered.topic,
        content: rendered.body,
        ownerId: bot.ownerId,
        integration: integration.name,
        acceptedAt: Date.now(),
      });
    } catch (err) {
      if (onceKey) await this.once.release(onceKey);
      throw err;
    }
    return success();
  }

  private readPayload<T>(integration: IntegrationDefinition, read: () => T): T {
    try {
      return read();
    } catch (err) {
      if (err instanceof AnomalousPayloadError) {
        this.logger.warn(`${integration.displayName}: ${err.message}`);
        throw new ZulipError(
          'ANOMALOUS_WEBHOOK_PAYLOAD',
          `Unable to parse request: Did ${integration.displayName} generate this event?`,
          400,
          { detail: err.message },
        );
      }
      throw err;
    }
  }

  /** A direct message from the bot to its owner about a misconfigured webhook, at most once a minute. */
  private async noticeOwner(
    req: WebhookRequest,
    bot: BotIdentity,
    apiKey: string,
    kind: string,
    content: string,
  ): Promise<void> {
    if (bot.ownerId === null) return;
    if (!(await this.once.claim(`notice:${bot.userId}:${kind}`, OWNER_NOTICE_TTL_SECONDS))) return;
    await this.queue.add({
      host: req.host,
      botEmail: bot.email,
      botApiKey: apiKey,
      stream: null,
      dmTo: [bot.ownerId],
      topic: '',
      content,
      ownerId: bot.ownerId,
      integration: req.integration,
      acceptedAt: Date.now(),
    });
  }
}

function success(): WebhookAnswer {
  return { status: 200, body: { result: 'success', msg: '' } };
}

function missingHeaderNotice(
  integration: IntegrationDefinition,
  bot: BotIdentity,
  header: string,
): string {
  return `Hi there! Your bot ${bot.fullName} (\`${bot.email}\`) received a request to the ${integration.displayName} webhook without the HTTP header \`${header}\`, so it could not tell which event it was. Please check the webhook's configuration in ${integration.displayName}.`;
}

function invalidJsonNotice(integration: IntegrationDefinition, bot: BotIdentity): string {
  return `Hi there! Your bot ${bot.fullName} (\`${bot.email}\`) received a request to the ${integration.displayName} webhook whose body is not valid JSON. Please check that ${integration.displayName} sends JSON (content type application/json).`;
}
