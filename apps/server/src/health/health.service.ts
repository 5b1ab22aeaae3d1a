import { Inject, Injectable } from '@nestjs/common';
import type Redis from 'ioredis';
import { Database } from '../database/database.service';
import { REDIS } from '../redis/redis.module';

/** One readiness check: passed or not, how long it took, and what went wrong. */
export interface CheckResult {
  ok: boolean;
  ms: number;
  detail?: string;
}

export interface Readiness {
  ready: boolean;
  checks: {
    database: CheckResult;
    migrations: CheckResult;
    redis: CheckResult | 'not configured';
  };
}

/** How long one check may take before it counts as failed (a hung connection is not ready). */
const CHECK_TIMEOUT_MS = 5_000;

/**
 * Readiness as a load balancer or monitoring system asks for it: the database answers, its schema
 * is this code's (no pending migrations), and Redis answers when the server is configured with it.
 */
@Injectable()
export class HealthService {
  constructor(
    private readonly db: Database,
    @Inject(REDIS) private readonly redis: Redis | null,
  ) {}

  async readiness(): Promise<Readiness> {
    const [database, migrations, redis] = await Promise.all([
      timed(async () => {
        await this.db.rows('SELECT 1');
      }),
      timed(async () => {
        if (await this.db.dataSource.showMigrations()) throw new Error('migrations are pending');
      }),
      this.redis
        ? timed(async () => {
            await this.redis?.ping();
          })
        : ('not configured' as const),
    ]);
    const ready = database.ok && migrations.ok && (redis === 'not configured' || redis.ok);
    return { ready, checks: { database, migrations, redis } };
  }
}

async function timed(check: () => Promise<void>): Promise<CheckResult> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      check(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)),
          CHECK_TIMEOUT_MS,
        );
      }),
    ]);
    return { ok: true, ms: elapsed(started) };
  } catch (err) {
    return { ok: false, ms: elapsed(started), detail: (err as Error).message };
  } finally {
    clearTimeout(timer);
  }
}

const elapsed = (since: number) => Math.round((performance.now() - since) * 10) / 10;
