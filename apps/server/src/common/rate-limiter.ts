import { Inject, Injectable } from '@nestjs/common';
import type Redis from 'ioredis';
import { REDIS } from '../redis/redis.module';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '@hub/config';
import { TickBatcher } from '../redis/tick-batcher';

export interface RateLimitResult {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Seconds until the window resets. */
  resetIn: number;
}

/**
 * ARGV: pairs of (counter key, window ms) → for each pair, count and ms left. One atomic call per
 * batch (the hits of one tick): a window always ends.
 */
const HIT_LUA = `
local out = {}
for i = 1, #ARGV, 2 do
  local count = redis.call('INCR', ARGV[i])
  local ttl = redis.call('PTTL', ARGV[i])
  if ttl < 0 then
    redis.call('PEXPIRE', ARGV[i], ARGV[i + 1])
    ttl = tonumber(ARGV[i + 1])
  end
  out[#out + 1] = count
  out[#out + 1] = ttl
end
return out
`;

/** Hits counted per script call. */
const HIT_BATCH = 500;

interface RateLimitCommands {
  zhRateLimitHits(...keysAndWindows: Array<string | number>): Promise<number[]>;
}

/**
 * Fixed-window counters keyed by whatever is limited (a user, an email, an IP). In Redis when it
 * is configured, so every server process shares one budget; in memory otherwise.
 */
@Injectable()
export class RateLimiter {
  private readonly windows = new Map<string, { count: number; resetAt: number }>();

  private readonly prefix: string;
  private readonly redis: (Redis & RateLimitCommands) | null;
  /** Every poll is a hit: a tick's hits go to Redis in one call. */
  private readonly hits = new TickBatcher<{ key: string; windowMs: number }, [number, number]>(
    (batch) => this.hitBatch(batch),
    HIT_BATCH,
  );

  constructor(@Inject(REDIS) redis: Redis | null, @Inject(APP_CONFIG) config: AppConfig) {
    this.prefix = `${config.redisNamespace}:ratelimit:`;
    redis?.defineCommand('zhRateLimitHits', { numberOfKeys: 0, lua: HIT_LUA });
    this.redis = redis as (Redis & RateLimitCommands) | null;
  }

  async hit(key: string, limit: number, windowSeconds = 60): Promise<RateLimitResult> {
    if (!this.redis) return this.countHere(key, limit, windowSeconds);
    const now = Date.now();
    const [count, ttl] = await this.hits.add({
      key: `${this.prefix}${key}`,
      windowMs: windowSeconds * 1000,
    });
    return result(count, limit, now + ttl, now);
  }

  /**
   * `hit` without waiting, when the counters are in this process; undefined (nothing counted)
   * when they are in Redis.
   */
  hitNow(key: string, limit: number, windowSeconds = 60): RateLimitResult | undefined {
    return this.redis ? undefined : this.countHere(key, limit, windowSeconds);
  }

  private countHere(key: string, limit: number, windowSeconds: number): RateLimitResult {
    const now = Date.now();
    let window = this.windows.get(key);
    if (!window || window.resetAt <= now) {
      window = { count: 0, resetAt: now + windowSeconds * 1000 };
      this.windows.set(key, window);
      if (this.windows.size > 100_000) this.sweep(now);
    }
    window.count++;
    return result(window.count, limit, window.resetAt, now);
  }

  /** Forgets a key's window, e.g. after a successful login. */
  async reset(key: string): Promise<void> {
    this.windows.delete(key);
    await this.redis?.del(`${this.prefix}${key}`);
  }

  private async hitBatch(
    batch: Array<{ key: string; windowMs: number }>,
  ): Promise<Array<[number, number]>> {
    const args = batch.flatMap(({ key, windowMs }) => [key, windowMs]);
    const flat = await (this.redis as Redis & RateLimitCommands).zhRateLimitHits(...args);
    return batch.map((_, i) => [Number(flat[2 * i]), Number(flat[2 * i + 1])]);
  }

  private sweep(now: number): void {
    for (const [key, window] of this.windows) if (window.resetAt <= now) this.windows.delete(key);
  }
}

function result(count: number, limit: number, resetAt: number, now: number): RateLimitResult {
  return {
    allowed: count <= limit,
    limit,
    remaining: Math.max(0, limit - count),
    resetIn: Math.max(0, (resetAt - now) / 1000),
  };
}
