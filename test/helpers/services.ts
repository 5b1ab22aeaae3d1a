import * as net from 'node:net';
import { Client } from 'pg';

/**
 * Finds the real services the suites can use. Without them a suite falls back to the embedded
 * defaults (and says so once); with REQUIRE_SERVICES=1 a missing service fails the run instead.
 */
const required = process.env.REQUIRE_SERVICES === '1';
const said = new Set<string>();

function note(service: string, why: string): void {
  if (required) throw new Error(`REQUIRE_SERVICES=1 but ${service} is unavailable: ${why}`);
  if (said.has(service)) return;
  said.add(service);
  process.stderr.write(
    `[test] ${service} unavailable (${why}); using the embedded default instead\n`,
  );
}

export const POSTGRES_ADMIN_URL =
  process.env.TEST_DATABASE_URL || 'postgresql://postgres@127.0.0.1:5432/postgres';
export const REDIS_TEST_URL = process.env.TEST_REDIS_URL || 'redis://127.0.0.1:6379';

export async function postgresAvailable(): Promise<boolean> {
  const client = new Client({
    connectionString: POSTGRES_ADMIN_URL,
    connectionTimeoutMillis: 2000,
  });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch (err) {
    note('PostgreSQL', (err as Error).message);
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export function portOpen(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port, timeout: 1000 });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

export async function redisAvailable(): Promise<boolean> {
  const url = new URL(REDIS_TEST_URL);
  const ok = await portOpen(url.hostname, Number(url.port || 6379));
  if (!ok) note('Redis', `nothing listens at ${REDIS_TEST_URL}`);
  return ok;
}

/** Creates a fresh database on the real PostgreSQL; returns its URL and a function to drop it. */
export async function createTestDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `zh_test_${process.pid}_${Date.now().toString(36)}_${Math.floor(Math.random() * 1e6)}`;
  const admin = new Client({ connectionString: POSTGRES_ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new Client({ connectionString: POSTGRES_ADMIN_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
