import * as http from 'node:http';
import * as https from 'node:https';
import { connectionRules } from './network-guard';

/** What a fetch-style caller (openid-client's `customFetch`) hands over. */
export interface GuardedFetchInit {
  method?: string;
  headers?: Record<string, string>;
  /** Anything a Response can be built from: text, form, bytes, a stream. */
  body?: ConstructorParameters<typeof Response>[0];
  signal?: AbortSignal | null;
}

export interface GuardedFetchOptions {
  /** Hosts that may be on loopback or private addresses (by name, as in the URL). */
  allowedHosts: ReadonlySet<string>;
  timeoutMs: number;
  maxBytes: number;
}

/** The answer is over `maxBytes`: refused, never taken cut short. */
export class AnswerTooLargeError extends Error {
  constructor(maxBytes: number) {
    super(`the answer is larger than ${maxBytes} bytes`);
  }
}

/** No whole answer within `timeoutMs`. */
export class RequestTimeoutError extends Error {}

/** Fresh connections only: a pooled socket would skip the address check at connect time. */
const AGENTS = {
  http: new http.Agent({ keepAlive: false }),
  https: new https.Agent({ keepAlive: false }),
};

async function bodyBytes(body: GuardedFetchInit['body']): Promise<Buffer | undefined> {
  if (body === undefined || body === null) return undefined;
  return Buffer.from(await new Response(body).arrayBuffer());
}

/**
 * A `fetch` whose connections go only to public addresses unless the host is allowed: the name is
 * resolved once, at connect time, and the socket connects to the address that was checked (see
 * network-guard). No redirects are followed; answers are bounded in time and size.
 */
export function guardedFetch(options: GuardedFetchOptions) {
  return async (input: string | URL, init: GuardedFetchInit = {}): Promise<Response> => {
    const url = new URL(String(input));
    const rules = connectionRules(url.hostname, options.allowedHosts);
    if (rules.refused) throw rules.refused;
    const secure = url.protocol === 'https:';
    if (!secure && url.protocol !== 'http:')
      throw new Error(`${url.protocol} URLs are not fetched`);
    const body = await bodyBytes(init.body);
    const headers: Record<string, string> = { ...init.headers };
    if (body) headers['content-length'] = String(body.length);
    return new Promise((resolve, reject) => {
      const req = (secure ? https : http).request(
        url,
        {
          method: init.method ?? 'GET',
          headers,
          lookup: rules.lookup,
          agent: secure ? AGENTS.https : AGENTS.http,
          signal: init.signal ?? undefined,
        },
        (res) => {
          const chunks: Buffer[] = [];
          let size = 0;
          let tooLarge = false;
          res.on('data', (chunk: Buffer) => {
            size += chunk.length;
            if (size <= options.maxBytes) return void chunks.push(chunk);
            // Rejected here: a destroyed answer may still end, and must not pass as complete.
            tooLarge = true;
            reject(new AnswerTooLargeError(options.maxBytes));
            req.destroy();
          });
          res.on('error', reject);
          res.on('end', () => {
            if (tooLarge) return;
            const status = res.statusCode ?? 502;
            const responseHeaders = new Headers();
            for (const [name, value] of Object.entries(res.headers)) {
              if (value === undefined) continue;
              for (const v of Array.isArray(value) ? value : [value]) {
                responseHeaders.append(name, v);
              }
            }
            const empty = status === 204 || status === 304 || (status >= 100 && status < 200);
            resolve(
              new Response(empty ? null : Buffer.concat(chunks), {
                status,
                statusText: res.statusMessage,
                headers: responseHeaders,
              }),
            );
          });
        },
      );
      const timer = setTimeout(
        () =>
          req.destroy(
            new RequestTimeoutError(`did not answer within ${options.timeoutMs / 1000} s`),
          ),
        options.timeoutMs,
      );
      req.on('error', reject);
      req.on('close', () => clearTimeout(timer));
      req.end(body);
    });
  };
}
