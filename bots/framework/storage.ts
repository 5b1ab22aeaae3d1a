import type { BotBackend } from './backend';
import { BotStorageKeyError } from './errors';
import type { BotStorage, JsonValue } from './types';

/**
 * Bot storage on the server, cached in the process: values are JSON-encoded strings on the wire
 * (as Zulip's bot framework stores them), reads hit the server once per key, writes go through.
 */
export class CachedBotStorage implements BotStorage {
  private readonly cache = new Map<string, string>();

  constructor(private readonly backend: BotBackend) {}

  async get<T extends JsonValue>(key: string, fallback?: T): Promise<T> {
    const raw = await this.load(key);
    if (raw === undefined) {
      if (fallback !== undefined) return fallback;
      throw new BotStorageKeyError(key);
    }
    return JSON.parse(raw) as T;
  }

  async put(key: string, value: JsonValue): Promise<void> {
    const raw = JSON.stringify(value);
    await this.backend.writeStorage({ [key]: raw });
    this.cache.set(key, raw);
  }

  async contains(key: string): Promise<boolean> {
    return (await this.load(key)) !== undefined;
  }

  async remove(key: string): Promise<void> {
    await this.backend.removeStorage(key);
    this.cache.delete(key);
  }

  private async load(key: string): Promise<string | undefined> {
    const cached = this.cache.get(key);
    if (cached !== undefined) return cached;
    const raw = await this.backend.readStorage(key);
    if (raw !== undefined) this.cache.set(key, raw);
    return raw;
  }
}
