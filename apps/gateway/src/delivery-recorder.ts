import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { backoffDelay, sleep } from '@hub/client/backoff';
import { REPLAY_OF_HEADER, type DeliveryOutcome } from '@hub/api/webhook-delivery.types';
import { isUnreachable } from './bot-directory';
import type { DeliveryJob } from './delivery-job';
import type { BotIdentity, DeliveryReportParams, ServerApi } from './server-api';

/** Headers never stored: credentials, hop-by-hop and proxy headers, and our own replay marker. */
const UNSTORED_HEADERS = new Set([
  'authorization',
  'cookie',
  'host',
  'content-length',
  'connection',
  'transfer-encoding',
  'accept-encoding',
  'x-forwarded-for',
  'x-forwarded-host',
  'x-forwarded-proto',
  REPLAY_OF_HEADER,
]);

/** Reports waiting for the server at most; beyond, new ones are dropped (logged). */
const MAX_PENDING = 5_000;
const MAX_ATTEMPTS = 6;

/** A webhook the gateway accepted (key and signature checked), before it is routed. */
export interface AcceptedWebhook {
  host: string;
  bot: BotIdentity;
  apiKey: string;
  integration: string;
  headers: Record<string, string | undefined>;
  query: Record<string, string>;
  rawBody: Buffer;
}

/** What the delivery worker tells about a queued job's fate. */
export interface DeliveryObserver {
  delivered(job: DeliveryJob, messageId: number | null): void;
  retrying(job: DeliveryJob, reason: string): void;
  failed(job: DeliveryJob, reason: string): void;
}

/** The id of the original delivery a replay carries (set by the server), or null. */
export function replayOf(headers: Record<string, string | undefined>): number | null {
  const raw = headers[REPLAY_OF_HEADER];
  return raw !== undefined && /^\d{1,15}$/.test(raw) ? Number(raw) : null;
}

/**
 * The gateway's half of the delivery history: each accepted webhook (payload, the headers and
 * query needed to replay it) and its outcome go to the server, which stores them (bounded) for
 * the web client's integration hub. Reports are sent in order, in the background, with retries
 * while the server is unreachable; accepting and delivering never wait for them.
 */
export class DeliveryRecorder implements DeliveryObserver {
  private readonly logger = new Logger('DeliveryHistory');
  private chain: Promise<void> = Promise.resolve();
  private pending = 0;
  /** Aborted at shutdown: reports not yet sent are dropped, retry waits end. */
  private readonly stopping = new AbortController();

  constructor(private readonly api: ServerApi) {}

  /** Starts the record of an accepted webhook; its first outcome sends it. */
  start(webhook: AcceptedWebhook): DeliveryRecord {
    return new DeliveryRecord(this, webhook);
  }

  delivered(job: DeliveryJob, messageId: number | null): void {
    this.outcome(job, 'delivered', undefined, messageId ?? undefined);
  }

  retrying(job: DeliveryJob, reason: string): void {
    this.outcome(job, 'retrying', reason);
  }

  failed(job: DeliveryJob, reason: string): void {
    this.outcome(job, 'failed', reason);
  }

  /**
   * Stops reporting (gateway shutdown): what is not yet sent is dropped with one warning, so a
   * backlog never keeps the server's connections busy after the gateway has gone.
   */
  stop(): void {
    if (this.stopping.signal.aborted) return;
    this.stopping.abort();
    if (this.pending > 0) {
      this.logger.warn(`Stopping with ${this.pending} delivery history reports not recorded`);
    }
  }

  /** Resolves once every report made so far has been sent (or given up). */
  settled(): Promise<void> {
    return this.chain;
  }

  private outcome(
    job: DeliveryJob,
    outcome: DeliveryOutcome,
    reason?: string,
    messageId?: number,
  ): void {
    if (!job.deliveryId) return;
    this.send(job.host, job.botEmail, job.botApiKey, {
      uuid: job.deliveryId,
      integration: job.integration,
      outcome,
      reason,
      message_id: messageId,
    });
  }

  send(host: string, email: string, apiKey: string, report: DeliveryReportParams): void {
    const post = this.api.reportDelivery?.bind(this.api);
    if (!post || this.stopping.signal.aborted) return;
    if (this.pending >= MAX_PENDING) {
      this.logger.warn(`Delivery history backlog full: not recording ${report.uuid}`);
      return;
    }
    this.pending++;
    this.chain = this.chain.then(async () => {
      try {
        for (let attempt = 1; !this.stopping.signal.aborted; attempt++) {
          try {
            await post(host, email, apiKey, report);
            return;
          } catch (err) {
            const status = (err as { status?: unknown }).status;
            if ((!isUnreachable(err) && status !== 429) || attempt >= MAX_ATTEMPTS) {
              this.logger.warn(
                `Could not record delivery ${report.uuid} (${report.outcome}): ${(err as Error).message}`,
              );
              return;
            }
            await sleep(
              backoffDelay(attempt, { baseMs: 500, capMs: 10_000 }),
              this.stopping.signal,
            );
          }
        }
      } finally {
        this.pending--;
      }
    });
  }
}

/** One accepted webhook's record: the first outcome reported wins. */
export class DeliveryRecord {
  readonly uuid = randomUUID();
  private done = false;

  constructor(
    private readonly recorder: DeliveryRecorder,
    private readonly webhook: AcceptedWebhook,
  ) {}

  /** Queued for delivery: returns the id the job carries, for the worker's outcome. */
  queued(event: string): string {
    this.report('queued', event);
    return this.uuid;
  }

  filtered(event: string, reason: string): void {
    this.report('filtered', event, reason);
  }

  failed(event: string | null, reason: string): void {
    this.report('failed', event ?? undefined, reason);
  }

  /** Not recorded (a redelivery already posted). */
  skip(): void {
    this.done = true;
  }

  private report(outcome: DeliveryOutcome, event?: string, reason?: string): void {
    if (this.done) return;
    this.done = true;
    const w = this.webhook;
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(w.headers)) {
      if (value !== undefined && !UNSTORED_HEADERS.has(name)) headers[name] = value;
    }
    const { api_key: _key, ...query } = w.query;
    this.recorder.send(w.host, w.bot.email, w.apiKey, {
      uuid: this.uuid,
      integration: w.integration,
      outcome,
      event,
      reason,
      host: w.host,
      headers,
      query,
      body: w.rawBody.toString('base64'),
      replay_of: replayOf(w.headers) ?? undefined,
    });
  }
}
