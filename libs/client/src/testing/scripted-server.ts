import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request as the scripted server saw it. */
export interface SeenRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: http.IncomingHttpHeaders;
  body: string;
  /** The urlencoded body parsed (empty for other bodies). */
  form: URLSearchParams;
  at: number;
}

/** What the script answers: JSON, raw text, a connection reset, or nothing until the client gives up. */
export type ScriptedReply =
  | { status?: number; json: unknown; headers?: Record<string, string> }
  | { status: number; text: string; headers?: Record<string, string> }
  | { reset: true }
  | { hang: true };

export type Script = (request: SeenRequest) => ScriptedReply | Promise<ScriptedReply>;

/** A local HTTP server on 127.0.0.1 that answers from a script and records every request. */
export class ScriptedServer {
  readonly requests: SeenRequest[] = [];
  private readonly hanging = new Set<http.ServerResponse>();

  private constructor(
    private readonly server: http.Server,
    readonly url: string,
  ) {}

  /** Starts on a free port, or on `port` to play a restarted server. */
  static async start(script: Script, port = 0): Promise<ScriptedServer> {
    const server = http.createServer();
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    const address = server.address() as AddressInfo;
    const instance = new ScriptedServer(server, `http://127.0.0.1:${address.port}`);
    server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        void instance.answer(script, req, res, Buffer.concat(chunks).toString('utf8'));
      });
    });
    return instance;
  }

  get port(): number {
    return Number(new URL(this.url).port);
  }

  /** The requests to one path, e.g. `/api/v1/events`. */
  to(path: string): SeenRequest[] {
    return this.requests.filter((r) => r.path === path);
  }

  async stop(): Promise<void> {
    for (const res of this.hanging) res.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async answer(
    script: Script,
    req: http.IncomingMessage,
    res: http.ServerResponse,
    body: string,
  ): Promise<void> {
    const url = new URL(req.url ?? '/', this.url);
    const isForm = (req.headers['content-type'] ?? '').startsWith(
      'application/x-www-form-urlencoded',
    );
    const seen: SeenRequest = {
      method: req.method ?? '',
      path: url.pathname,
      query: url.searchParams,
      headers: req.headers,
      body,
      form: new URLSearchParams(isForm ? body : ''),
      at: Date.now(),
    };
    this.requests.push(seen);
    const reply = await script(seen);
    if ('reset' in reply) {
      req.socket.destroy();
      return;
    }
    if ('hang' in reply) {
      this.hanging.add(res);
      res.on('close', () => this.hanging.delete(res));
      return;
    }
    // Fresh connections every time, so a scripted reset is never mistaken for a stale socket.
    res.shouldKeepAlive = false;
    const text = 'json' in reply ? JSON.stringify(reply.json) : reply.text;
    const type = 'json' in reply ? 'application/json' : 'text/html';
    res.writeHead(reply.status ?? 200, { 'content-type': type, ...reply.headers });
    res.end(text);
  }
}

/** A Zulip success body. */
export function ok(fields: Record<string, unknown> = {}): ScriptedReply {
  return { json: { result: 'success', msg: '', ...fields } };
}

/** A Zulip error body. */
export function zulipError(
  status: number,
  code: string,
  msg: string,
  extra: Record<string, unknown> = {},
  headers?: Record<string, string>,
): ScriptedReply {
  return { status, json: { result: 'error', msg, code, ...extra }, headers };
}
