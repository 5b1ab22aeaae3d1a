import { BotIdentity, ServerApi } from './server-api';

interface Entry {
  identity: BotIdentity;
  fetchedAt: number;
}

/**
 * Caches which bot an api_key belongs to for a short time, so a burst of webhooks costs one
 * server call. While the server is unreachable a previously seen key is still accepted (the
 * delivery worker retries until the server is back), so nothing is refused during a restart.
 */
export class BotDirectory {
  private readonly cache = new Map<string, Entry>();

  constructor(
    private readonly api: ServerApi,
    private readonly freshForMs = 60_000,
  ) {}

  async identify(host: string, apiKey: string): Promise<BotIdentity> {
    const key = `${host}\u0000${apiKey}`;
    const cached = this.cache.get(key);
    if (cached && Date.now() - cached.fetchedAt < this.freshForMs) return cached.identity;
    try {
      const identity = await this.api.identify(host, apiKey);
      this.cache.set(key, { identity, fetchedAt: Date.now() });
      return identity;
    } catch (err) {
      if (cached && isUnreachable(err)) return cached.identity;
      this.cache.delete(key);
      throw err;
    }
  }
}

/** Network failures and 5xx answers: the server is down or restarting, not refusing the key. */
export function isUnreachable(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  if (err.name === 'ZulipNetworkError') return true;
  const status = (err as { status?: unknown }).status;
  return typeof status === 'number' && status >= 500;
}
