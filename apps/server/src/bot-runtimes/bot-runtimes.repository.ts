import { Injectable } from '@nestjs/common';
import { Database } from '../database/database.service';
import { LookupCaches, SERVICE_BOTS_BY_REALM } from '../database/lookup-caches';
import { BotType } from '../identity/user.types';
import type { ServiceBotRow } from './service-bot.types';

const SERVICE_BOT_COLUMNS = `u.id, u.realm_id, u.email, u.full_name, u.bot_type, u.bot_owner_id,
  s.name AS service_name, s.base_url, s.token, s.interface`;

@Injectable()
export class BotRuntimesRepository {
  constructor(
    private readonly db: Database,
    private readonly caches: LookupCaches,
  ) {}

  /**
   * The active outgoing-webhook and embedded bots among `userIds`. Only ids the realm's (cached)
   * service bots include are looked up: in a realm without any, a mention costs no statement.
   */
  async serviceBotsAmong(realmId: number, userIds: number[]): Promise<ServiceBotRow[]> {
    const known = await this.caches.get(SERVICE_BOTS_BY_REALM, String(realmId), async () => ({
      ids: (
        await this.db.rows<{ id: number }>(
          `SELECT u.id FROM users u
           WHERE u.realm_id = $1 AND u.is_active AND u.is_bot AND u.bot_type = ANY($2::int[])
             AND EXISTS (SELECT 1 FROM bot_services s WHERE s.bot_id = u.id)`,
          [realmId, [BotType.OutgoingWebhook, BotType.Embedded]],
        )
      ).map((r) => r.id),
    }));
    const serviceBots = new Set(known?.ids);
    const wanted = known ? userIds.filter((id) => serviceBots.has(id)) : userIds;
    if (wanted.length === 0) return [];
    return this.db.rows<ServiceBotRow>(
      `SELECT ${SERVICE_BOT_COLUMNS} FROM users u JOIN bot_services s ON s.bot_id = u.id
       WHERE u.realm_id = $1 AND u.id = ANY($2::int[]) AND u.is_active AND u.is_bot
         AND u.bot_type = ANY($3::int[])
       ORDER BY u.id`,
      [realmId, wanted, [BotType.OutgoingWebhook, BotType.Embedded]],
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
