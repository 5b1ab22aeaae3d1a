import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The newest health report of each running mirror bridge (IRC, XMPP...): one row per bot and
 * protocol, replaced by every report; admins list them (`GET /bridges`).
 */
export class BridgeHealth1765570000001 implements MigrationInterface {
  name = 'BridgeHealth1765570000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE bridge_health (
        bot_id integer NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        protocol text NOT NULL,
        realm_id integer NOT NULL REFERENCES realms(id) ON DELETE CASCADE,
        remote_state text NOT NULL,
        chat_connected boolean NOT NULL,
        queue_to_chat integer NOT NULL,
        queue_to_remote integer NOT NULL,
        last_message_to_chat timestamptz,
        last_message_to_remote timestamptz,
        mappings jsonb NOT NULL,
        report_interval integer NOT NULL,
        reported_at timestamptz NOT NULL,
        PRIMARY KEY (bot_id, protocol)
      );
      CREATE INDEX bridge_health_realm ON bridge_health (realm_id);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE IF EXISTS bridge_health');
  }
}
