import { Injectable } from '@nestjs/common';
import { Database } from '../database/database.service';
import { BotType } from '../identity/user.types';
import type { ServiceBotRow } from './service-bot.types';

const SERVICE_BOT_COLUMNS = `u.id, u.realm_id, u.email, u.full_name, u.bot_type, u.bot_owner_id,
  s.name AS service_name, s.base_url, s.token, s.interface`;

@Injectable()
export class BotRuntimesRepository {
  constructor(private readonly db: Database) {}

  /** The active outgoing-webhook and embedded bots among `userIds`. */
  serviceBotsAmong(realmId: number, userIds: number[]): Promise<ServiceBotRow[]> {
    return this.db.rows<ServiceBotRow>(
      `SELECT ${SERVICE_BOT_COLUMNS} FROM users u JOIN bot_services s ON s.bot_id = u.id
       WHERE u.realm_id = $1 AND u.id = ANY($2::int[]) AND u.is_active AND u.is_bot
         AND u.bot_type = ANY($3::int[])
       ORDER BY u.id`,
      [realmId, userIds, [BotType.OutgoingWebhook, BotType.Embedded]],
    );
  }

  async serviceBot(botId: number): Promise<ServiceBotRow | undefined> {
    const rows = await this.db.rows<ServiceBotRow>(
      `SELECT ${SERVICE_BOT_COLUMNS} FROM users u JOIN bot_services s ON s.bot_id = u.id
       WHERE u.id = $1 AND u.is_active AND u.is_bot AND u.bot_type = ANY($2::int[])
       ORDER BY s.id LIMIT 1`,
      [botId, [BotType.OutgoingWebhook, BotType.Embedded]],
    );
    return rows[0];
  }

  /** An embedded bot's `config_data`. */
  async configOf(botId: number): Promise<Record<string, string>> {
    const rows = await this.db.rows<{ key: string; value: string }>(
      'SELECT key, value FROM bot_config WHERE bot_id = $1 ORDER BY key',
      [botId],
    );
    return Object.fromEntries(rows.map((r) => [r.key, r.value]));
  }
}
