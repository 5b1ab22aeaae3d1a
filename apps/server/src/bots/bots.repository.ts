import { Injectable } from '@nestjs/common';
import { Database } from '../database/database.service';
import { LookupCaches, SERVICE_BOTS_BY_REALM } from '../database/lookup-caches';
import { BotServiceRow, BotWithOwner } from './bot.types';

@Injectable()
export class BotsRepository {
  constructor(
    private readonly db: Database,
    private readonly caches: LookupCaches,
  ) {}

  /** Active bots of the realm, optionally only those one user owns, with the owner's email. */
  listActive(realmId: number, ownerId: number | null): Promise<BotWithOwner[]> {
    return this.db.rows<BotWithOwner>(
      `SELECT b.*, o.email AS owner_email FROM users b LEFT JOIN users o ON o.id = b.bot_owner_id
       WHERE b.realm_id = $1 AND b.is_bot AND b.is_active AND ($2::int IS NULL OR b.bot_owner_id = $2)
       ORDER BY b.id`,
      [realmId, ownerId],
    );
  }

  async activeBotNamed(realmId: number, fullName: string, exceptId = 0): Promise<boolean> {
    const row = await this.db.one(
      `SELECT 1 FROM users WHERE realm_id = $1 AND is_bot AND is_active
         AND lower(full_name) = lower($2) AND id <> $3`,
      [realmId, fullName, exceptId],
    );
    return row !== undefined;
  }

  async addService(
    botId: number,
    service: Pick<BotServiceRow, 'name' | 'base_url' | 'token' | 'interface'>,
  ): Promise<BotServiceRow> {
    const rows = await this.db.rows<BotServiceRow>(
      `INSERT INTO bot_services (bot_id, name, base_url, token, interface)
       VALUES ($1, $2, $3, $4, $5) RETURNING *`,
      [botId, service.name, service.base_url, service.token, service.interface],
    );
    // A bot with a service is a service bot: the cached per-realm lists must learn of it.
    await this.caches.invalidate(SERVICE_BOTS_BY_REALM);
    return rows[0];
  }

  servicesOf(botIds: number[]): Promise<BotServiceRow[]> {
    return this.db.rows<BotServiceRow>(
      'SELECT * FROM bot_services WHERE bot_id = ANY($1::int[]) ORDER BY id',
      [botIds],
    );
  }

  async updateService(
    botId: number,
    changes: { base_url?: string; interface?: number },
  ): Promise<void> {
    await this.db.execute(
      `UPDATE bot_services SET base_url = coalesce($2, base_url), interface = coalesce($3, interface)
       WHERE bot_id = $1`,
      [botId, changes.base_url ?? null, changes.interface ?? null],
    );
  }

  async setConfig(botId: number, config: Record<string, string>): Promise<void> {
    const entries = Object.entries(config);
    if (entries.length === 0) return;
    await this.db.execute(
      `INSERT INTO bot_config (bot_id, key, value)
       SELECT $1, k, v FROM unnest($2::text[], $3::text[]) AS t(k, v)
       ON CONFLICT (bot_id, key) DO UPDATE SET value = EXCLUDED.value`,
      [botId, entries.map(([k]) => k), entries.map(([, v]) => v)],
    );
  }

  async configOf(botId: number): Promise<Record<string, string>> {
    const rows = await this.db.rows<{ key: string; value: string }>(
      'SELECT key, value FROM bot_config WHERE bot_id = $1 ORDER BY key',
      [botId],
    );
    return Object.fromEntries(rows.map((r) => [r.key, r.value]));
  }
}
