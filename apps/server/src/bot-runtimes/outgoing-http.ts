import * as http from 'node:http';
import * as https from 'node:https';
import { connectionRules } from '../common/network-guard';

/** An outgoing webhook's answer is a short reply; anything longer is refused, not buffered. */
export const MAX_ANSWER_BYTES = 1024 * 1024;

export class AnswerTooLargeError extends Error {
  constructor() {
    super(`the answer is larger than ${MAX_ANSWER_BYTES / 1024} KiB`);
  }
}

export class RequestTimeoutError extends Error {}

/**
 * A new connection per call, each checked: a pooled socket (say, one the server opened to a
 * service on loopback through the global agent) would skip the address check below.
 */
const AGENTS = {
  'http:': new http.Agent({ keepAlive: false }),
  'https:': new https.Agent({ keepAlive: false }),
};

/**
 * POSTs `body` to `url` once: no redirects, at most `timeoutMs` for the whole exchange, and only
 * to public addresses unless the URL's host is in `allowedHosts` (see common/network-guard).
 */
export function postOnce(
  url: URL,
  headers: Record<string, string>,
  body: string,
  timeoutMs: number,
  allowedHosts: ReadonlySet<string>,
): Promise<{ status: number; body: string }> {
  const rules = connectionRules(url.hostname, allowedHosts);
  if (rules.refused) return Promise.reject(rules.refused);
  const secure = url.protocol === 'https:';
  const transport = secure ? https : http;
  return new Promise((resolve, reject) => {
    const req = transport.request(
      url,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        lookup: rules.lookup,
        agent: AGENTS[secure ? 'https:' : 'http:'],
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > MAX_ANSWER_BYTES) req.destroy(new AnswerTooLargeError());
          else chunks.push(chunk);
        });
        // An answer that arrived whole may still end after its last chunk overflowed the limit:
        // it is refused, never taken cut short.
        res.on('end', () => {
          if (size > MAX_ANSWER_BYTES) reject(new AnswerTooLargeError());
          else
            resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') });
        });
        res.on('error', reject);
      },
    );
    const timer = setTimeout(
      () => req.destroy(new RequestTimeoutError(`did not answer within ${timeoutMs / 1000} s`)),
      timeoutMs,
    );
    req.on('error', reject);
    req.on('close', () => clearTimeout(timer));
    req.end(body);
  });
}
