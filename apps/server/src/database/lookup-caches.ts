import { Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { Client, ClientConfig } from 'pg';
import { Database } from './database.service';
import { LookupCache } from './lookup-cache';

/**
 * How long a cached row may live. Every write through the server or the CLI invalidates at once;
 * this bounds only changes made behind the application's back (SQL typed into psql). Well past a
 * long-poll's heartbeat (45-55 s): at one minute, an idle client's poll after every other
 * heartbeat read its user from the database again (some 180 reads a second for 18,000 idle
 * clients).
 */
const LOOKUP_TTL_MS = 15 * 60_000;
/**
 * The ids of a realm's active outgoing-webhook and embedded bots (with a service): most realms
 * have none, and then a mention or DM never needs to look for one. Cleared by the writers of
 * bots and their services (users.repository, bots.repository); named here, where both can see it.
 */
export const SERVICE_BOTS_BY_REALM = 'service-bots-by-realm';
/** The PostgreSQL notification channel every process of an installation listens on. */
const CHANNEL = 'zh_lookup_invalidate';
/** How long a writer waits for its invalidation to round-trip before answering anyway. */
const SETTLE_TIMEOUT_MS = 2_000;

/**
 * The process's named lookup caches, kept coherent across processes with PostgreSQL
 * LISTEN/NOTIFY: a writer's `invalidate(name)` notifies inside its transaction, so every process
 * sharing the database (server processes, the management CLI) drops its copies when the change
 * commits, with or without Redis. Caching is on only while this process is listening; the
 * embedded database cannot deliver notifications between connections, so it reads every time.
 */
@Injectable()
export class LookupCaches implements OnModuleInit, OnApplicationShutdown {
  private readonly caches = new Map<string, LookupCache<object>>();
  private listener: Client | null = null;
  private listening = false;
  private closed = false;
  private retry: NodeJS.Timeout | undefined;
  private readonly markers = new Map<string, () => void>();
  private markerCount = 0;
  private readonly logger = new Logger('LookupCaches');

  constructor(private readonly db: Database) {}

  /** `load()` through the cache named `name`: only outside transactions and while listening. */
  get<T extends object>(
    name: string,
    key: string,
    load: () => Promise<T | undefined>,
  ): Promise<T | undefined> {
    if (!this.listening || this.db.inTransaction) return load();
    return this.cache<T>(name).get(key, load);
  }

  /**
   * What `get` would answer from the cache without reading, or undefined when it would read
   * (not cached, expired, not listening, inside a transaction). The row itself: read-only.
   */
  peek<T extends object>(name: string, key: string): Readonly<T> | undefined {
    if (!this.listening || this.db.inTransaction) return undefined;
    return this.caches.get(name)?.peek(key) as Readonly<T> | undefined;
  }

  /** Drops cache `name` in every process once the current transaction (if any) commits. */
  async invalidate(name: string): Promise<void> {
    if (!this.db.sharedUrl) return;
    await this.db.rows('SELECT pg_notify($1, $2)', [CHANNEL, name]);
    await this.db.afterCommit(async () => {
      this.caches.get(name)?.clear();
      // PostgreSQL fans a notification out to every listener at commit; waiting for it to come
      // back to this process means the caller's answer (say, a new API key) leaves only after the
      // other processes were sent their invalidation, so a client moving to another process at
      // once does not find the old row there.
      await this.settled(SETTLE_TIMEOUT_MS);
    });
  }

  /**
   * Resolves once every invalidation committed before the call has reached this process:
   * PostgreSQL delivers notifications in commit order, so a marker sent now arrives after them.
   */
  async settled(timeoutMs?: number): Promise<void> {
    if (!this.listening) return;
    const marker = `settled:${process.pid}:${++this.markerCount}`;
    let timer: NodeJS.Timeout | undefined;
    const arrived = new Promise<void>((resolve) => {
      this.markers.set(marker, resolve);
      // A listener lost meanwhile never delivers the marker; it stops caching instead.
      if (timeoutMs !== undefined) timer = setTimeout(resolve, timeoutMs);
    });
    try {
      await this.db.rows('SELECT pg_notify($1, $2)', [CHANNEL, marker]);
      await arrived;
    } finally {
      clearTimeout(timer);
      this.markers.delete(marker);
    }
  }

  async onModuleInit(): Promise<void> {
    await this.listen();
  }

  async onApplicationShutdown(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retry);
    this.stopCaching();
    await this.listener?.end().catch(() => undefined);
    this.listener = null;
  }

  private cache<T extends object>(name: string): LookupCache<T> {
    let cache = this.caches.get(name);
    if (!cache) {
      cache = new LookupCache<object>(LOOKUP_TTL_MS);
      this.caches.set(name, cache);
    }
    return cache as LookupCache<T>;
  }

  private async listen(): Promise<void> {
    const url = this.db.sharedUrl;
    if (!url || this.closed) return;
    // The pool's TLS settings (DATABASE_SSLMODE) hold for the listener too.
    const { ssl } = this.db.dataSource.options as { ssl?: ClientConfig['ssl'] };
    const client = new Client({ connectionString: url, ssl });
    client.on('notification', (msg) => {
      if (msg.channel !== CHANNEL || !msg.payload) return;
      this.caches.get(msg.payload)?.clear();
      this.markers.get(msg.payload)?.();
    });
    const lost = (reason: string) => {
      if (this.listener !== client) return;
      this.listener = null;
      this.stopCaching();
      if (this.closed) return;
      this.logger.warn(`Cache invalidation listener lost (${reason}); reading uncached meanwhile`);
      this.retry = setTimeout(() => void this.listen(), 1000);
    };
    client.on('error', (err: Error) => lost(err.message));
    client.on('end', () => lost('connection ended'));
    this.listener = client;
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
      this.listening = !this.closed && this.listener === client;
    } catch (err) {
      lost((err as Error).message);
      await client.end().catch(() => undefined);
    }
  }

  /** Whatever arrived while nobody listened may have been missed: forget everything. */
  private stopCaching(): void {
    this.listening = false;
    for (const cache of this.caches.values()) cache.clear();
  }
}
