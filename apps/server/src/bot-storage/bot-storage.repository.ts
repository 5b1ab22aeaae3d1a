import { Injectable } from '@nestjs/common';
import { Database } from '../database/database.service';

@Injectable()
export class BotStorageRepository {
  constructor(private readonly db: Database) {}

  /** Key and value characters stored by the bot, leaving out `exceptKeys`. */
  async size(botId: number, exceptKeys: string[] = []): Promise<number> {
    const row = await this.db.one<{ n: number }>(
      `SELECT coalesce(sum(char_length(key) + char_length(value)), 0)::int AS n
       FROM bot_storage WHERE bot_id = $1 AND NOT (key = ANY($2::text[]))`,
      [botId, exceptKeys],
    );
    return row?.n ?? 0;
  }

  /** Every entry, or only the given keys. */
  async get(botId: number, keys?: string[]): Promise<Map<string, string>> {
    const rows = await this.db.rows<{ key: string; value: string }>(
      keys
        ? 'SELECT key, value FROM bot_storage WHERE bot_id = $1 AND key = ANY($2::text[])'
        : 'SELECT key, value FROM bot_storage WHERE bot_id = $1 ORDER BY key',
      keys ? [botId, keys] : [botId],
    );
    return new Map(rows.map((r) => [r.key, r.value]));
  }

  async put(botId: number, entries: Array<[string, string]>): Promise<void> {
    if (entries.length === 0) return;
    await this.db.execute(
      `INSERT INTO bot_storage (bot_id, key, value)
       SELECT $1, * FROM unnest($2::text[], $3::text[])
       ON CONFLICT (bot_id, key) DO UPDATE SET value = EXCLUDED.value`,
      [botId, entries.map(([k]) => k), entries.map(([, v]) => v)],
    );
  }

  async remove(botId: number, keys?: string[]): Promise<void> {
    await this.db.execute(
      keys
        ? 'DELETE FROM bot_storage WHERE bot_id = $1 AND key = ANY($2::text[])'
        : 'DELETE FROM bot_storage WHERE bot_id = $1',
      keys ? [botId, keys] : [botId],
    );
  }
}
