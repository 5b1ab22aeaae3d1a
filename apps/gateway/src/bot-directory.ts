import { ZulipError } from '@hub/api/zulip-error';
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
      throw asWebhookAnswer(err);
    }
  }
}

/**
 * The server's refusal of a key (401 INVALID_API_KEY, 403 USER_DEACTIVATED, 429...) is answered
 * to the webhook's sender as the server gave it; an unreachable server is a 503 the tool can retry.
 */
function asWebhookAnswer(err: unknown): unknown {
  if (isUnreachable(err)) {
    return new ZulipError(
      'SERVER_UNAVAILABLE',
      'The chat server is not reachable right now; try again shortly',
      503,
      {},
      { 'Retry-After': '30' },
    );
  }
  const { status, code, extra, retryAfter } = err as {
    status?: unknown;
    code?: unknown;
    extra?: unknown;
    retryAfter?: unknown;
  };
  if (!(err instanceof Error) || typeof status !== 'number' || typeof code !== 'string') return err;
  const headers: Record<string, string> = {};
  if (typeof retryAfter === 'number') headers['Retry-After'] = String(retryAfter);
  if (status === 401) headers['WWW-Authenticate'] = 'Basic realm="zulip"';
  const fields = extra && typeof extra === 'object' ? (extra as Record<string, unknown>) : {};
  return new ZulipError(code, err.message, status, fields, headers);
}

/** Network failures and 5xx answers: the server is down or restarting, not refusing the key. */
export function isUnreachable(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  if (err.name === 'ZulipNetworkError') return true;
  const status = (err as { status?: unknown }).status;
  return typeof status === 'number' && status >= 500;
}
