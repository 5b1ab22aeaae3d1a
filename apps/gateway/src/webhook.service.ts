import { Logger } from '@nestjs/common';
import { ZulipError } from '@hub/api/zulip-error';
import type { IntegrationDefinition, WebhookInput } from '../../../integrations/core/integration';
import { dispatchWebhook } from '../../../integrations/core/dispatch';
import { AnomalousPayloadError } from '../../../integrations/core/payload';
import { BotDirectory } from './bot-directory';
import type { DeliveryQueue } from './delivery-queue';
import { DeliveryRecord, DeliveryRecorder, replayOf } from './delivery-recorder';
import { branchWanted, eventWanted, parseEventPatterns } from './event-filter';
import type { OnceStore } from './once-store';
import type { BotIdentity } from './server-api';
import { verifySignature, WebhookSecrets } from './signatures';
import { integrationOptions, parseWebhookBody } from './webhook-body';

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
/** Replays of one original delivery (from the integration hub) within this window post once. */
const REPLAY_WINDOW_SECONDS = 10 * 60;
/** At most one notice per bot and kind of problem per minute, as Zulip does. */
const OWNER_NOTICE_TTL_SECONDS = 60;

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
    private readonly recorder: DeliveryRecorder,
  ) {}

  /**
   * A HEAD request to a webhook URL: services (Trello) check that the URL answers before they
   * register a webhook, without a body or key. Zulip answers success; so does this, for an
   * integration that exists.
   */
  probe(name: string): WebhookAnswer {
    if (!this.integrations.has(name)) {
      throw new ZulipError('BAD_REQUEST', 'Endpoint does not exist', 404);
    }
    return { status: 200, body: { result: 'success', msg: '' } };
  }

  /**
   * A GET carrying the integration's challenge parameter (Dropbox's `?challenge=`): the service
   * checks the URL by expecting the value back as text. The api_key must be valid, as Zulip
   * requires; null when this GET is no challenge (the caller then treats it as a delivery).
   */
  async challenge(req: WebhookRequest): Promise<string | null> {
    const integration = this.integrations.get(req.integration);
    const param = integration?.challengeParam;
    if (!param || req.query[param] === undefined) return null;
    const apiKey = req.query.api_key?.trim();
    if (!apiKey) throw ZulipError.missing('api_key');
    await this.bots.identify(req.host, apiKey);
    return req.query[param];
  }

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
    const basic = basicCredentials(req.headers.authorization);
    const apiKey = params.api_key?.trim() || basic?.apiKey;
    if (!apiKey) throw ZulipError.missing('api_key');
    const bot = await this.bots.identify(req.host, apiKey);
    if (!params.api_key?.trim() && basic && basic.email.toLowerCase() !== bot.email.toLowerCase()) {
      throw new ZulipError('INVALID_API_KEY', 'Invalid API key', 401);
    }
    verifySignature(this.secrets, bot.email, integration, {
      rawBody: req.rawBody,
      headers: req.headers,
      query: req.query,
    });
    const record = this.recorder.start({ ...req, bot, apiKey });
    try {
      return await this.route(req, integration, bot, apiKey, params, parsed, parseError, record);
    } catch (err) {
      record.failed(null, (err as Error).message);
      throw err;
    }
  }

  /** After the key and signature checks: validates and renders the event, and queues it. */
  private async route(
    req: WebhookRequest,
    integration: IntegrationDefinition,
    bot: BotIdentity,
    apiKey: string,
    params: Record<string, string>,
    parsed: ReturnType<typeof parseWebhookBody> | undefined,
    parseError: ZulipError | undefined,
    record: DeliveryRecord,
  ): Promise<WebhookAnswer> {
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

    const options = integrationOptions(params);
    const input: WebhookInput = { headers: req.headers, payload: parsed.payload, options };
    const only = parseEventPatterns(params.only_events, 'only_events');
    const exclude = parseEventPatterns(params.exclude_events, 'exclude_events');

    const outcome = this.readPayload(integration, () => dispatchWebhook(integration, input));
    if (outcome.kind === 'unsupported') {
      this.logger.warn(
        `Unsupported ${integration.displayName} event "${outcome.event}" (bot ${bot.email})`,
      );
      const unsupported = new ZulipError(
        'UNSUPPORTED_WEBHOOK_EVENT_TYPE',
        `The '${outcome.event}' event isn't currently supported by the ${integration.displayName} webhook; ignoring`,
        200,
        { webhook_name: integration.displayName, event_type: outcome.event },
      );
      record.failed(outcome.event, unsupported.message);
      return { status: 200, body: unsupported.envelope() };
    }
    if (outcome.kind === 'ignored') {
      record.filtered(outcome.event, `${integration.displayName} events of this kind post nothing`);
      return success(integration);
    }
    if (!eventWanted(outcome.event, only, exclude)) {
      record.filtered(outcome.event, 'Left out by only_events / exclude_events');
      return success(integration);
    }
    const branch = integration.branchOf
      ? this.readPayload(integration, () => integration.branchOf!(input))
      : null;
    if (!branchWanted(branch, params.branches)) {
      record.filtered(outcome.event, `Branch ${branch ?? ''} is not in branches`);
      return success(integration);
    }
    const messages = outcome.kind === 'messages' ? outcome.messages : [outcome.message];

    const deliveryId = integration.deliveryIdHeader
      ? req.headers[integration.deliveryIdHeader.toLowerCase()]
      : undefined;
    // A replay is posted once per original delivery within the window, whatever its delivery id.
    const original = replayOf(req.headers);
    const onceKey =
      original !== null
        ? `replay:${bot.userId}:${original}`
        : deliveryId
          ? `delivery:${integration.name}:${bot.userId}:${deliveryId}`
          : null;
    const onceTtl = original !== null ? REPLAY_WINDOW_SECONDS : DELIVERY_ID_TTL_SECONDS;
    if (onceKey && !(await this.once.claim(onceKey, onceTtl))) {
      record.skip();
      return success(integration);
    }
    const toOwner = params.stream === undefined || params.stream === '';
    // The messages of one delivery share a shard (the first one's topic), so they post in order.
    const shardTopic = messages.length > 1 ? (params.topic ?? messages[0].topic) : undefined;
    try {
      const recordId = record.queued(outcome.event);
      for (const rendered of messages) {
        await this.queue.add({
          host: req.host,
          botEmail: bot.email,
          botApiKey: apiKey,
          stream: toOwner ? null : params.stream,
          dmTo: toOwner ? [bot.ownerId ?? bot.userId] : null,
          topic: params.topic ?? rendered.topic,
          shardTopic,
          content: rendered.body,
          ownerId: bot.ownerId,
          integration: integration.name,
          acceptedAt: Date.now(),
          deliveryId: recordId,
        });
      }
    } catch (err) {
      if (onceKey) await this.once.release(onceKey);
      throw err;
    }
    return success(integration);
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

/**
 * `https://<bot email>:<api key>@host/api/v1/external/beanstalk`: the URL form Zulip documents for
 * its legacy integrations (Beanstalk, Bitbucket), which authenticate with HTTP basic auth.
 */
function basicCredentials(header: string | undefined): { email: string; apiKey: string } | null {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? '');
  if (!match) return null;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0) return null;
  const apiKey = decoded.slice(colon + 1).trim();
  return apiKey ? { email: decoded.slice(0, colon), apiKey } : null;
}

/** Zulip's success answer; its `msg` is the integration's own when its service checks it. */
function success(integration: IntegrationDefinition): WebhookAnswer {
  return { status: 200, body: { result: 'success', msg: integration.successMessage ?? '' } };
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
