/**
 * Short-lived copies of rows that nearly every request reads (the realm for a Host, the user for
 * an API key). Writers clear the cache after they commit; `LookupCaches` tells every process. The
 * time-to-live bounds staleness where nobody can tell us: another process without Redis (the
 * management CLI beside a single server).
 */
export class LookupCache<T extends object> {
  private readonly entries = new Map<string, { value: T; expires: number }>();
  /** Bumped by every clear: a load that began before one must not store what it read. */
  private generation = 0;

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 100_000,
  ) {}

  /** The cached row for `key`, or what `load` reads; callers get their own shallow copy. */
  async get(key: string, load: () => Promise<T | undefined>): Promise<T | undefined> {
    const now = Date.now();
    const hit = this.entries.get(key);
    if (hit && hit.expires > now) return copy(hit.value);
    const generation = this.generation;
    const value = await load();
    if (value === undefined) {
      this.entries.delete(key);
      return undefined;
    }
    if (generation === this.generation) {
      if (this.entries.size >= this.maxEntries && !this.entries.has(key)) this.evictExpired(now);
      if (this.entries.size < this.maxEntries) {
        this.entries.set(key, { value, expires: now + this.ttlMs });
      }
    }
    return copy(value);
  }

  /**
   * The cached row for `key` if there is a live one, without reading: the row itself, not a copy
   * (hot paths that only read a few fields skip the copy; they must not change it).
   */
  peek(key: string): Readonly<T> | undefined {
    const hit = this.entries.get(key);
    return hit && hit.expires > Date.now() ? hit.value : undefined;
  }

  clear(): void {
    this.generation++;
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }

  private evictExpired(now: number): void {
    for (const [key, entry] of this.entries) if (entry.expires <= now) this.entries.delete(key);
  }
}

/** A shallow copy, so a caller that changes what it got cannot change the cache. */
function copy<T extends object>(value: T): T {
  return (Array.isArray(value) ? [...value] : { ...value }) as T;
}
