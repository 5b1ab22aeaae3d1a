import { Injectable } from '@nestjs/common';
import type {
  DeliveryHour,
  DeliveryOutcome,
  WebhookDelivery,
} from '@hub/api/webhook-delivery.types';
import { Database } from '../database/database.service';

/** What the gateway reports; payload fields only come with the first report of a delivery. */
export interface DeliveryReport {
  realmId: number;
  botId: number;
  uuid: string;
  integration: string;
  outcome: DeliveryOutcome;
  event?: string;
  reason?: string;
  messageId?: number;
  host?: string;
  headers?: Record<string, string>;
  query?: Record<string, string>;
  body?: Buffer;
  replayOf?: number;
}

/** A delivery with the payload the gateway needs to replay it. */
export interface StoredDelivery extends WebhookDelivery {
  realm_id: number;
  host: string;
  headers: Record<string, string>;
  query: Record<string, string>;
  body: Buffer | null;
}

export interface DeliveryFilter {
  realmId: number;
  /** null: every bot of the realm. */
  botIds: number[] | null;
  integration?: string;
  outcome?: DeliveryOutcome;
  before?: number;
  limit: number;
}

const LISTED = `id::int AS id, bot_id, integration, event,
  extract(epoch FROM received_at)::int AS received_at, size, outcome, reason, message_id,
  replay_of::int AS replay_of`;

/** The SQL of the webhook delivery history. */
@Injectable()
export class WebhookDeliveriesRepository {
  constructor(private readonly db: Database) {}

  /**
   * Inserts the delivery, or updates its outcome (and fills in what an earlier report lacked).
   * Returns its id and whether it is new.
   */
  async upsert(r: DeliveryReport): Promise<{ id: number; created: boolean }> {
    const row = await this.db.one<{ id: number; created: boolean }>(
      `INSERT INTO webhook_deliveries
         (realm_id, bot_id, uuid, integration, outcome, event, reason, message_id, host, headers,
          query, body, size, replay_of)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, COALESCE($9, ''), COALESCE($10::jsonb, '{}'),
          COALESCE($11::jsonb, '{}'), $12::bytea, COALESCE(octet_length($12::bytea), 0), $13)
       ON CONFLICT (bot_id, uuid) DO UPDATE SET
         -- Another gateway process may report the outcome before this one reports the queueing.
         outcome = CASE WHEN EXCLUDED.outcome = 'queued' THEN webhook_deliveries.outcome
                        ELSE EXCLUDED.outcome END,
         event = COALESCE(EXCLUDED.event, webhook_deliveries.event),
         reason = CASE WHEN EXCLUDED.outcome = 'queued' THEN webhook_deliveries.reason
                       ELSE EXCLUDED.reason END,
         message_id = COALESCE(EXCLUDED.message_id, webhook_deliveries.message_id),
         body = COALESCE(webhook_deliveries.body, EXCLUDED.body),
         size = GREATEST(webhook_deliveries.size, EXCLUDED.size),
         updated_at = now()
       RETURNING id::int AS id, (xmax = 0) AS created`,
      [
        r.realmId,
        r.botId,
        r.uuid,
        r.integration,
        r.outcome,
        r.event ?? null,
        r.reason ?? null,
        r.messageId ?? null,
        r.host ?? null,
        r.headers ? JSON.stringify(r.headers) : null,
        r.query ? JSON.stringify(r.query) : null,
        r.body ?? null,
        r.replayOf ?? null,
      ],
    );
    return row!;
  }

  /** Keeps the newest `keep` deliveries of the bot. */
  async trim(botId: number, keep: number): Promise<void> {
    await this.db.execute(
      `DELETE FROM webhook_deliveries WHERE bot_id = $1 AND id <= (
         SELECT id FROM webhook_deliveries WHERE bot_id = $1 ORDER BY id DESC OFFSET $2 LIMIT 1)`,
      [botId, keep],
    );
  }

  /** The ids of the bots `ownerId` owns (active or not). */
  async botsOwnedBy(realmId: number, ownerId: number): Promise<number[]> {
    const rows = await this.db.rows<{ id: number }>(
      'SELECT id FROM users WHERE realm_id = $1 AND bot_owner_id = $2 AND is_bot ORDER BY id',
      [realmId, ownerId],
    );
    return rows.map((r) => r.id);
  }

  /** Whether `id` is a delivery of this bot. */
  async belongsTo(id: number, botId: number): Promise<boolean> {
    const row = await this.db.one<{ id: number }>(
      'SELECT id::int AS id FROM webhook_deliveries WHERE id = $1 AND bot_id = $2',
      [id, botId],
    );
    return row !== undefined;
  }

  list(f: DeliveryFilter): Promise<WebhookDelivery[]> {
    const where = ['realm_id = $1'];
    const params: unknown[] = [f.realmId];
    if (f.botIds !== null) {
      params.push(f.botIds);
      where.push(`bot_id = ANY($${params.length}::int[])`);
    }
    if (f.integration !== undefined) {
      params.push(f.integration);
      where.push(`integration = $${params.length}`);
    }
    if (f.outcome !== undefined) {
      params.push(f.outcome);
      where.push(`outcome = $${params.length}`);
    }
    if (f.before !== undefined) {
      params.push(f.before);
      where.push(`id < $${params.length}`);
    }
    params.push(f.limit);
    return this.db.rows<WebhookDelivery>(
      `SELECT ${LISTED} FROM webhook_deliveries WHERE ${where.join(' AND ')}
       ORDER BY id DESC LIMIT $${params.length}`,
      params,
    );
  }

  find(realmId: number, id: number): Promise<StoredDelivery | undefined> {
    return this.db.one<StoredDelivery>(
      `SELECT ${LISTED}, realm_id, host, headers, query, body
       FROM webhook_deliveries WHERE realm_id = $1 AND id = $2`,
      [realmId, id],
    );
  }

  /** Deliveries and failures per hour since `since`, hours without any left out. */
  perHour(realmId: number, botIds: number[] | null, since: Date): Promise<DeliveryHour[]> {
    const params: unknown[] = [realmId, since];
    let bots = '';
    if (botIds !== null) {
      params.push(botIds);
      bots = 'AND bot_id = ANY($3::int[])';
    }
    return this.db.rows<DeliveryHour>(
      `SELECT extract(epoch FROM date_trunc('hour', received_at))::int AS hour,
              count(*)::int AS deliveries,
              count(*) FILTER (WHERE outcome = 'failed')::int AS failures
       FROM webhook_deliveries WHERE realm_id = $1 AND received_at >= $2 ${bots}
       GROUP BY 1 ORDER BY 1`,
      params,
    );
  }
}
