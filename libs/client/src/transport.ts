import * as http from 'node:http';
import * as https from 'node:https';
import { ZulipAbortError, ZulipNetworkError } from './errors';

export interface TransportRequest {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body?: Buffer;
  timeoutMs: number;
  signal?: AbortSignal;
}

export interface TransportResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface TlsSettings {
  insecure: boolean;
  ca?: Buffer;
  cert?: Buffer;
  key?: Buffer;
}

// Errors that mean an idle keep-alive socket was closed by the server before our request.
const STALE_SOCKET_CODES = new Set(['ECONNRESET', 'EPIPE']);
// Only these may be sent twice: a POST that reached a dying server could post a message twice.
const IDEMPOTENT_METHODS = new Set(['GET', 'HEAD', 'PUT', 'DELETE']);

/**
 * Sends requests over node:http(s) with one keep-alive agent per client. node:https is used
 * rather than fetch because per-client TLS settings (`insecure`, CA bundle, client certificates)
 * need an agent, and `undici` is not a direct dependency of the project.
 */
export class HttpTransport {
  private readonly agent: http.Agent;

  constructor(secure: boolean, tls: TlsSettings) {
    this.agent = secure
      ? new https.Agent({
          keepAlive: true,
          rejectUnauthorized: !tls.insecure,
          ca: tls.ca,
          cert: tls.cert,
          // A client certificate file may hold its key too, as python-zulip-api allows.
          key: tls.key ?? tls.cert,
        })
      : new http.Agent({ keepAlive: true });
  }

  async send(request: TransportRequest): Promise<TransportResponse> {
    try {
      return await this.attempt(request);
    } catch (error) {
      // A reused socket the server had already closed: most likely the request never reached
      // it, so one retry on a fresh connection (the pattern Node's docs give for `reusedSocket`).
      if (!(error instanceof StaleSocketError)) throw error;
      if (!IDEMPOTENT_METHODS.has(request.method)) throw networkError(request, error.cause);
      // The pool may hold more sockets the server closed (a restart closes them all): a second
      // stale one is an ordinary network error, which callers retry with backoff.
      return this.attempt(request).catch((again: unknown) => {
        throw again instanceof StaleSocketError ? networkError(request, again.cause) : again;
      });
    }
  }

  /** Closes idle connections so a stopped daemon can exit. */
  close(): void {
    this.agent.destroy();
  }

  private attempt(request: TransportRequest): Promise<TransportResponse> {
    const { signal } = request;
    if (signal?.aborted) return Promise.reject(abortError(signal));
    const lib = request.url.protocol === 'https:' ? https : http;
    return new Promise<TransportResponse>((resolve, reject) => {
      let settled = false;
      let gotResponse = false;
      const finish = (error: Error | undefined, response?: TransportResponse): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        if (error) {
          req.destroy();
          reject(error);
        } else if (response) resolve(response);
      };
      const onAbort = (): void => finish(abortError(signal));
      const headers = { ...request.headers };
      if (request.body) headers['content-length'] = String(request.body.length);
      const req = lib.request(request.url, { method: request.method, headers, agent: this.agent });
      const timer = setTimeout(() => {
        finish(
          new ZulipNetworkError(
            `${request.method} ${request.url.pathname}: no answer within ${request.timeoutMs} ms`,
            'ETIMEDOUT',
          ),
        );
      }, request.timeoutMs);
      signal?.addEventListener('abort', onAbort, { once: true });
      req.on('error', (error: NodeJS.ErrnoException) => {
        if (!gotResponse && req.reusedSocket && STALE_SOCKET_CODES.has(error.code ?? '')) {
          return finish(new StaleSocketError(error));
        }
        finish(networkError(request, error));
      });
      req.on('response', (res) => {
        gotResponse = true;
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', (error: NodeJS.ErrnoException) => finish(networkError(request, error)));
        res.on('close', () => {
          if (!res.complete) finish(networkError(request, closedMidAnswer()));
        });
        res.on('end', () =>
          finish(undefined, {
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      });
      req.end(request.body);
    });
  }
}

class StaleSocketError extends Error {
  constructor(override readonly cause: NodeJS.ErrnoException) {
    super(cause.message);
  }
}

function closedMidAnswer(): NodeJS.ErrnoException {
  const error: NodeJS.ErrnoException = new Error('the server closed the connection mid-answer');
  error.code = 'ECONNRESET';
  return error;
}

function abortError(signal: AbortSignal | undefined): ZulipAbortError {
  return new ZulipAbortError('the request was aborted', { cause: signal?.reason });
}

function networkError(request: TransportRequest, error: NodeJS.ErrnoException): ZulipNetworkError {
  const where = `${request.method} ${request.url.origin}${request.url.pathname}`;
  return new ZulipNetworkError(`${where}: ${error.message}`, error.code, { cause: error });
}
