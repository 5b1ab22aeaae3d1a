import type Redis from 'ioredis';
import { REDIS } from '../../apps/server/src/redis/redis.module';
import { startTestServer, TestServer } from '../helpers/test-server';

interface HealthBody {
  result: string;
  status: string;
  msg: string;
  checks: Record<string, { ok: boolean; detail?: string } | string>;
}

async function health(server: TestServer, path = '/health', host?: string) {
  const res = await fetch(`${server.url}${path}`, { headers: host ? { host } : {} });
  return { status: res.status, headers: res.headers, body: (await res.json()) as HealthBody };
}

describe('GET /health (liveness and readiness for monitoring)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ redis: true });
  });
  afterAll(() => server.stop());

  it('is ready when the database, its schema and Redis answer, without credentials or a known host', async () => {
    for (const host of [undefined, 'unknown.example.org']) {
      const res = await health(server, '/health', host);
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(res.body).toMatchObject({
        result: 'success',
        status: 'ready',
        checks: { database: { ok: true }, migrations: { ok: true } },
      });
      // Redis is checked when configured (REQUIRE_SERVICES makes sure it is in CI).
      const redis = res.body.checks.redis;
      expect(redis === 'not configured' || (typeof redis === 'object' && redis.ok)).toBe(true);
    }
    const live = await health(server, '/health/live');
    expect(live.status).toBe(200);
    expect(live.body.status).toBe('alive');
  });

  it('answers 503 naming the migrations while the schema is behind the code', async () => {
    const [last] = await server.db.rows<{ id: number; timestamp: string; name: string }>(
      'SELECT id, timestamp, name FROM schema_migrations ORDER BY id DESC LIMIT 1',
    );
    await server.db.execute('DELETE FROM schema_migrations WHERE id = $1', [last.id]);
    try {
      const res = await health(server);
      expect(res.status).toBe(503);
      expect(res.body).toMatchObject({
        result: 'error',
        status: 'unavailable',
        msg: 'Not ready: migrations',
        checks: { database: { ok: true }, migrations: { ok: false } },
      });
      // Liveness is not readiness: the process still serves.
      expect((await health(server, '/health/live')).status).toBe(200);
    } finally {
      await server.db.execute(
        'INSERT INTO schema_migrations (id, timestamp, name) VALUES ($1, $2, $3)',
        [last.id, last.timestamp, last.name],
      );
    }
    expect((await health(server)).status).toBe(200);
  });

  it('answers 503 naming Redis when the server lost it', async () => {
    const redis = server.app.get<Redis | null>(REDIS);
    if (!redis) return; // single-process mode: nothing to lose
    redis.disconnect();
    const res = await health(server);
    expect(res.status).toBe(503);
    expect(res.body.msg).toBe('Not ready: redis');
    expect(res.body.checks.redis).toMatchObject({ ok: false });
  });
});
