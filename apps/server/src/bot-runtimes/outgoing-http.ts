import { guardedFetch } from '../common/guarded-fetch';

/** An outgoing webhook's answer is a short reply; anything longer is refused, not buffered. */
export const MAX_ANSWER_BYTES = 1024 * 1024;

/**
 * POSTs `body` to `url` once: no redirects, at most `timeoutMs` for the whole exchange, and only
 * to public addresses unless the URL's host is in `allowedHosts` (see common/guarded-fetch).
 */
export async function postOnce(
  url: URL,
  headers: Record<string, string>,
  body: string,
  timeoutMs: number,
  allowedHosts: ReadonlySet<string>,
): Promise<{ status: number; body: string }> {
  const fetchOnce = guardedFetch({ allowedHosts, timeoutMs, maxBytes: MAX_ANSWER_BYTES });
  const answer = await fetchOnce(url, { method: 'POST', headers, body });
  return { status: answer.status, body: await answer.text() };
}
