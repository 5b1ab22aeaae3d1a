import * as os from 'node:os';
import type { IncomingHttpHeaders } from 'node:http';
import type { BackoffOptions } from './backoff';
import { resolveConfig, ResolvedConfig, ZulipConnectionOptions } from './config';
import { encodeParams, HttpMethod } from './encoding';
import {
  botStorageApi,
  Caller,
  messagesApi,
  streamsApi,
  subscriptionsApi,
  uploadsApi,
  usersApi,
} from './endpoints';
import { ZulipApiError, ZulipConfigError } from './errors';
import { EventHandler, EventLoopOptions, runEventLoop } from './event-loop';
import { MessageHandler, MessageLoopOptions, runMessageLoop } from './message-loop';
import { HttpTransport, TransportResponse } from './transport';
import type {
  GetEventsParams,
  GetEventsResult,
  Linkifier,
  RegisterParams,
  RegisterResult,
  RequestOptions,
  ServerSettings,
  UploadFileParams,
  UploadFileResult,
  ZulipResponse,
} from './types';

export const CLIENT_VERSION = '0.1.0';

/** Where the client reports retries; pass `logger: null` for silence. */
export interface ZulipLogger {
  warn(message: string): void;
  info?(message: string): void;
}

export interface ZulipClientOptions extends ZulipConnectionOptions {
  /** The whole User-Agent header; wins over `clientName`. */
  userAgent?: string;
  /**
   * The Host header to send instead of the site's: reaches a realm by its name through an internal
   * address (the webhook gateway posts to 127.0.0.1 for every realm).
   */
  hostHeader?: string;
  /** The client name the server records, e.g. `irc_mirror`; sent as `<clientName> (<platform>)`. */
  clientName?: string;
  timeouts?: {
    /** Ordinary requests (default 15 s). */
    requestMs?: number;
    /** `GET /events` long polls (default 90 s; the server answers within 55 s). */
    longPollMs?: number;
  };
  /** Retry timing of the event loop. */
  backoff?: BackoffOptions;
  /** Default: warnings to the console. */
  logger?: ZulipLogger | null;
  /** The environment to read `ZULIP_*` from (default `process.env`). */
  env?: Readonly<Record<string, string | undefined>>;
}

const consoleLogger: ZulipLogger = { warn: (message) => console.warn(message) };
const silentLogger: ZulipLogger = { warn: () => undefined };

function milliseconds(value: number | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value <= 0) {
    throw new ZulipConfigError(`${name} must be a positive number of milliseconds, got ${value}`);
  }
  return value;
}

function platform(): string {
  return `${os.type()}; ${os.release()}; Node.js ${process.versions.node}`;
}

/** A client of the Zulip REST API and event queue, safe to keep for the life of a daemon. */
export class ZulipClient {
  readonly config: ResolvedConfig;
  readonly userAgent: string;
  readonly logger: ZulipLogger;
  readonly backoff: BackoffOptions;
  private readonly requestMs: number;
  private readonly longPollMs: number;
  private readonly transport: HttpTransport;
  private readonly hostHeader?: string;

  readonly messages: ReturnType<typeof messagesApi>;
  readonly users: ReturnType<typeof usersApi>;
  readonly streams: ReturnType<typeof streamsApi>;
  readonly subscriptions: ReturnType<typeof subscriptionsApi>;
  readonly botStorage: ReturnType<typeof botStorageApi>;
  readonly uploads: ReturnType<typeof uploadsApi>;

  constructor(options: ZulipClientOptions = {}) {
    this.config = resolveConfig(options, options.env ?? process.env);
    this.userAgent =
      options.userAgent ??
      `${options.clientName ?? `ZulipHubClient/${CLIENT_VERSION}`} (${platform()})`;
    this.hostHeader = options.hostHeader;
    this.logger = options.logger === null ? silentLogger : (options.logger ?? consoleLogger);
    this.backoff = options.backoff ?? {};
    this.requestMs = milliseconds(options.timeouts?.requestMs, 'timeouts.requestMs', 15_000);
    this.longPollMs = milliseconds(options.timeouts?.longPollMs, 'timeouts.longPollMs', 90_000);
    this.transport = new HttpTransport(this.config.apiBase.startsWith('https:'), {
      insecure: this.config.insecure,
      ...this.config.tls,
    });
    const caller: Caller = (method, path, params, requestOptions) =>
      this.call(method, path, params, requestOptions);
    this.messages = messagesApi(caller);
    this.users = usersApi(caller);
    this.streams = streamsApi(caller);
    this.subscriptions = subscriptionsApi(caller);
    this.botStorage = botStorageApi(caller);
    this.uploads = uploadsApi(caller);
  }

  get email(): string {
    return this.config.email;
  }

  get site(): string {
    return this.config.site;
  }

  /**
   * Calls any endpoint: `path` is relative to `/api/v1/`. Resolves with the reply body on success;
   * rejects with ZulipApiError, ZulipNetworkError or ZulipAbortError.
   */
  async call<T = Record<string, unknown>>(
    method: HttpMethod,
    path: string,
    params: object = {},
    options: RequestOptions & { longPoll?: boolean } = {},
  ): Promise<ZulipResponse<T>> {
    const encoded = await encodeParams(method, params);
    const url = new URL(`${this.config.apiBase}/v1/${path.replace(/^\/+/, '')}`);
    for (const [name, value] of encoded.query) url.searchParams.append(name, value);
    const credentials = Buffer.from(`${this.config.email}:${this.config.apiKey}`).toString(
      'base64',
    );
    const headers: Record<string, string> = {
      authorization: `Basic ${credentials}`,
      'user-agent': this.userAgent,
      accept: 'application/json',
    };
    if (encoded.contentType) headers['content-type'] = encoded.contentType;
    if (this.hostHeader) headers.host = this.hostHeader;
    const response = await this.transport.send({
      method,
      url,
      headers,
      body: encoded.body,
      timeoutMs: options.timeoutMs ?? (options.longPoll ? this.longPollMs : this.requestMs),
      signal: options.signal,
    });
    return parseResponse<T>(response);
  }

  serverSettings(options?: RequestOptions): Promise<ZulipResponse<ServerSettings>> {
    return this.call<ServerSettings>('GET', 'server_settings', {}, options);
  }

  linkifiers(options?: RequestOptions): Promise<ZulipResponse<{ linkifiers: Linkifier[] }>> {
    return this.call<{ linkifiers: Linkifier[] }>('GET', 'realm/linkifiers', {}, options);
  }

  uploadFile(
    file: UploadFileParams,
    options?: RequestOptions,
  ): Promise<ZulipResponse<UploadFileResult>> {
    const blob =
      file.data instanceof Blob ? file.data : new Blob([file.data], { type: file.contentType });
    const named = new File([blob], file.filename, { type: file.contentType ?? blob.type });
    return this.call<UploadFileResult>('POST', 'user_uploads', { file: named }, options);
  }

  register(
    params: RegisterParams = {},
    options?: RequestOptions,
  ): Promise<ZulipResponse<RegisterResult>> {
    return this.call<RegisterResult>('POST', 'register', params, options);
  }

  /** Long-polls the queue: answers when events exist, or with a heartbeat within a minute. */
  getEvents(
    params: GetEventsParams,
    options?: RequestOptions,
  ): Promise<ZulipResponse<GetEventsResult>> {
    return this.call<GetEventsResult>('GET', 'events', params, { ...options, longPoll: true });
  }

  deregister(queueId: string, options?: RequestOptions): Promise<ZulipResponse<object>> {
    return this.call<object>('DELETE', 'events', { queue_id: queueId }, options);
  }

  /**
   * Registers a queue and calls `handler` for each event (heartbeats excepted), in order, until
   * `options.signal` fires. See README "The event loop" for the retry rules.
   */
  callOnEachEvent(handler: EventHandler, options: EventLoopOptions = {}): Promise<void> {
    return runEventLoop(this, handler, options);
  }

  /**
   * `callOnEachEvent` for `message` events: the handler receives each message once, with the
   * receiver's flags; with `catchUp`, messages sent while the queue was lost are fetched too.
   */
  callOnEachMessage(handler: MessageHandler, options: MessageLoopOptions = {}): Promise<void> {
    return runMessageLoop(this, handler, options);
  }

  /** Closes idle keep-alive connections so the process can exit. */
  close(): void {
    this.transport.close();
  }
}

function retryAfterSeconds(headers: IncomingHttpHeaders): number | undefined {
  const raw = headers['retry-after'];
  if (raw === undefined) return undefined;
  const seconds = Number(raw);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const date = Date.parse(raw);
  return Number.isNaN(date) ? undefined : Math.max(0, (date - Date.now()) / 1000);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Turns an HTTP answer into the reply body, or the matching ZulipApiError. */
export function parseResponse<T>(response: TransportResponse): ZulipResponse<T> {
  const retryAfter = retryAfterSeconds(response.headers);
  let body: unknown;
  try {
    body = JSON.parse(response.body);
  } catch {
    body = undefined;
  }
  if (!isRecord(body)) {
    throw new ZulipApiError(
      'HTTP_ERROR',
      `unexpected answer from the server: HTTP ${response.status} without a Zulip JSON body`,
      response.status,
      { body: response.body.slice(0, 500) },
      retryAfter,
    );
  }
  if (response.status >= 400 || body.result !== 'success') {
    const { result: _result, msg, code, ...extra } = body;
    throw new ZulipApiError(
      typeof code === 'string' ? code : 'BAD_REQUEST',
      typeof msg === 'string' && msg !== '' ? msg : `HTTP ${response.status}`,
      response.status,
      extra,
      retryAfter,
    );
  }
  // The server's JSON is the untyped boundary: the endpoint's declared type describes it.
  return body as ZulipResponse<T>;
}
