import { Injectable } from '@nestjs/common';
import type { BridgeMapping, BridgeRemoteState } from '@hub/api/bridge.types';
import { Database } from '../database/database.service';

/** A stored report, as the table holds it. */
export interface BridgeHealthRow {
  bot_id: number;
  bot_email: string;
  bot_full_name: string;
  protocol: string;
  remote_state: BridgeRemoteState;
  chat_connected: boolean;
  queue_to_chat: number;
  queue_to_remote: number;
  last_message_to_chat: Date | null;
  last_message_to_remote: Date | null;
  mappings: BridgeMapping[];
  report_interval: number;
  reported_at: Date;
}

export type BridgeHealthInput = Omit<
  BridgeHealthRow,
  'bot_email' | 'bot_full_name' | 'reported_at'
> & { realm_id: number };

/** The SQL of bridge health reports: the newest one per bot and protocol. */
@Injectable()
export class BridgesRepository {
  constructor(private readonly db: Database) {}

  async upsert(report: BridgeHealthInput): Promise<void> {
    await this.db.execute(
      `INSERT INTO bridge_health (bot_id, protocol, realm_id, remote_state, chat_connected,
         queue_to_chat, queue_to_remote, last_message_to_chat, last_message_to_remote, mappings,
         report_interval, reported_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb, $11, now())
       ON CONFLICT (bot_id, protocol) DO UPDATE SET
         remote_state = EXCLUDED.remote_state,
         chat_connected = EXCLUDED.chat_connected,
         queue_to_chat = EXCLUDED.queue_to_chat,
         queue_to_remote = EXCLUDED.queue_to_remote,
         last_message_to_chat = EXCLUDED.last_message_to_chat,
         last_message_to_remote = EXCLUDED.last_message_to_remote,
         mappings = EXCLUDED.mappings,
         report_interval = EXCLUDED.report_interval,
         reported_at = EXCLUDED.reported_at`,
      [
        report.bot_id,
        report.protocol,
        report.realm_id,
        report.remote_state,
        report.chat_connected,
        report.queue_to_chat,
        report.queue_to_remote,
        report.last_message_to_chat,
        report.last_message_to_remote,
        JSON.stringify(report.mappings),
        report.report_interval,
      ],
    );
  }

  /** The realm's reports from active bots, by bot name then protocol. */
  list(realmId: number): Promise<BridgeHealthRow[]> {
    return this.db.rows<BridgeHealthRow>(
      `SELECT h.bot_id, u.email AS bot_email, u.full_name AS bot_full_name, h.protocol,
              h.remote_state, h.chat_connected, h.queue_to_chat, h.queue_to_remote,
              h.last_message_to_chat, h.last_message_to_remote, h.mappings, h.report_interval,
              h.reported_at
       FROM bridge_health h JOIN users u ON u.id = h.bot_id
       WHERE h.realm_id = $1 AND u.is_active
       ORDER BY u.full_name, h.bot_id, h.protocol`,
      [realmId],
    );
  }
}
