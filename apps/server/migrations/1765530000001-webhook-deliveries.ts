import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The webhook gateway's delivery history: each webhook it accepted for an incoming-webhook bot,
 * with what is needed to replay it (body, headers, query without the key) and its outcome.
 * Bounded per bot by WEBHOOK_HISTORY_LIMIT.
 */
export class WebhookDeliveries1765530000001 implements MigrationInterface {
  name = 'WebhookDeliveries1765530000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE webhook_deliveries (
        id bigserial PRIMARY KEY,
        realm_id integer NOT NULL REFERENCES realms(id) ON DELETE CASCADE,
        bot_id integer NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        uuid text NOT NULL,
        integration text NOT NULL,
        event text,
        received_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        size integer NOT NULL DEFAULT 0,
        outcome text NOT NULL,
        reason text,
        message_id integer,
        host text NOT NULL DEFAULT '',
        headers jsonb NOT NULL DEFAULT '{}',
        query jsonb NOT NULL DEFAULT '{}',
        body bytea,
        replay_of bigint REFERENCES webhook_deliveries(id) ON DELETE SET NULL,
        CONSTRAINT webhook_deliveries_uuid UNIQUE (bot_id, uuid)
      );
      CREATE INDEX webhook_deliveries_bot_newest ON webhook_deliveries (bot_id, id DESC);
      CREATE INDEX webhook_deliveries_realm_newest ON webhook_deliveries (realm_id, id DESC);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE IF EXISTS webhook_deliveries');
  }
}
