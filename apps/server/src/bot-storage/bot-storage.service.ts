import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '@hub/config';
import { ZulipError } from '../common/zulip-error';
import { APP_CONFIG } from '../config/config.module';
import { Database } from '../database/database.service';
import type { User } from '../identity/user.types';
import { BotStorageRepository } from './bot-storage.repository';

function keyDoesNotExist(): ZulipError {
  return ZulipError.badRequest('Key does not exist.');
}

/** A bot's private key-value store (the `zulip_bots` StateHandler), with a size quota. */
@Injectable()
export class BotStorageService {
  constructor(
    private readonly storage: BotStorageRepository,
    private readonly db: Database,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Stores every entry, or none when the bot's total would pass the quota. */
  put(bot: User, entries: Record<string, unknown>): Promise<void> {
    this.requireBot(bot);
    const pairs: Array<[string, string]> = [];
    for (const [key, value] of Object.entries(entries)) {
      if (typeof value !== 'string')
        throw ZulipError.badRequest(`storage["${key}"] is not a string`);
      pairs.push([key, value]);
    }
    return this.db.transaction(async () => {
      const kept = await this.storage.size(
        bot.id,
        pairs.map(([k]) => k),
      );
      const added = pairs.reduce((sum, [k, v]) => sum + k.length + v.length, 0);
      const limit = this.config.botStorageQuotaBytes;
      if (kept + added > limit) {
        throw ZulipError.badRequest(
          `Request exceeds storage limit by ${kept + added - limit} characters. The limit is ${limit} characters.`,
        );
      }
      await this.storage.put(bot.id, pairs);
    });
  }

  async get(bot: User, keys?: string[]): Promise<Record<string, string>> {
    this.requireBot(bot);
    const found = await this.storage.get(bot.id, keys);
    if (keys && keys.some((k) => !found.has(k))) throw keyDoesNotExist();
    return Object.fromEntries(found);
  }

  /** Removes the given keys (all must exist), or everything. */
  remove(bot: User, keys?: string[]): Promise<void> {
    this.requireBot(bot);
    return this.db.transaction(async () => {
      if (keys) {
        const found = await this.storage.get(bot.id, keys);
        if (keys.some((k) => !found.has(k))) throw keyDoesNotExist();
      }
      await this.storage.remove(bot.id, keys);
    });
  }

  private requireBot(user: User): void {
    if (!user.is_bot) throw ZulipError.badRequest('This endpoint is only available to bots.');
  }
}
