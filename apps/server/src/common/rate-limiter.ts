import { Inject, Injectable } from '@nestjs/common';
import type Redis from 'ioredis';
import { REDIS } from '../redis/redis.module';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '@hub/config';

export interface RateLimitResult {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Seconds until the window resets. */
  resetIn: number;
}

/** KEYS[1]: the counter; ARGV[1]: window ms → {count, ms left}. One atomic call: a window always ends. */
const HIT_LUA = `
local count = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {count, ttl}
`;

interface RateLimitCommands {
  zhRateLimitHit(key: string, windowMs: number): Promise<[number, number]>;
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

  constructor(@Inject(REDIS) redis: Redis | null, @Inject(APP_CONFIG) config: AppConfig) {
    this.prefix = `${config.redisNamespace}:ratelimit:`;
    redis?.defineCommand('zhRateLimitHit', { numberOfKeys: 1, lua: HIT_LUA });
    this.redis = redis as (Redis & RateLimitCommands) | null;
  }

  async hit(key: string, limit: number, windowSeconds = 60): Promise<RateLimitResult> {
    if (!this.redis) return this.countHere(key, limit, windowSeconds);
    const now = Date.now();
    const [count, ttl] = await this.redis.zhRateLimitHit(
      `${this.prefix}${key}`,
      windowSeconds * 1000,
    );
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
