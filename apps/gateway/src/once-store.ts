import type Redis from 'ioredis';

/**
 * "Has this key been claimed within the last N seconds?", atomically. Used to post a redelivered
 * webhook (same delivery id) once, and to rate-limit notices to bot owners.
 */
export interface OnceStore {
  /** True the first time for `key` within `ttlSeconds`; false after. */
  claim(key: string, ttlSeconds: number): Promise<boolean>;
  release(key: string): Promise<void>;
}

export class RedisOnceStore implements OnceStore {
  constructor(private readonly redis: Redis) {}

  async claim(key: string, ttlSeconds: number): Promise<boolean> {
    return (await this.redis.set(`once:${key}`, '1', 'EX', ttlSeconds, 'NX')) === 'OK';
  }

  async release(key: string): Promise<void> {
    await this.redis.del(`once:${key}`);
  }
}

export class MemoryOnceStore implements OnceStore {
  private readonly expiries = new Map<string, number>();

  async claim(key: string, ttlSeconds: number): Promise<boolean> {
    const now = Date.now();
    const until = this.expiries.get(key);
    if (until !== undefined && until > now) return false;
    this.expiries.set(key, now + ttlSeconds * 1000);
    if (this.expiries.size > 200_000) {
      for (const [k, t] of this.expiries) if (t <= now) this.expiries.delete(k);
    }
    return true;
  }

  async release(key: string): Promise<void> {
    this.expiries.delete(key);
  }
}
