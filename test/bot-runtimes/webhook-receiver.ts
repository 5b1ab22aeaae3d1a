import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedCall {
  contentType: string;
  body: string;
}

export interface ReceiverAnswer {
  status: number;
  body: string;
  /** Answer this late (to outlast the server's timeout). */
  delayMs?: number;
}

/** A local HTTP endpoint standing in for a bot's outgoing-webhook URL; answers are scripted. */
export class WebhookReceiver {
  private constructor(
    private readonly server: http.Server,
    readonly url: string,
    readonly calls: ReceivedCall[],
  ) {}

  static async start(answer: (call: number) => ReceiverAnswer): Promise<WebhookReceiver> {
    const calls: ReceivedCall[] = [];
    const server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        calls.push({
          contentType: req.headers['content-type'] ?? '',
          body: Buffer.concat(chunks).toString('utf8'),
        });
        const { status, body, delayMs = 0 } = answer(calls.length);
        setTimeout(() => {
          if (!res.destroyed)
            res.writeHead(status, { 'content-type': 'application/json' }).end(body);
        }, delayMs);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    return new WebhookReceiver(server, `http://127.0.0.1:${port}/hook`, calls);
  }

  /** The JSON bodies received so far. */
  json(): Array<Record<string, unknown>> {
    return this.calls.map((call) => JSON.parse(call.body) as Record<string, unknown>);
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

export const json = (status: number, body: unknown): ReceiverAnswer => ({
  status,
  body: typeof body === 'string' ? body : JSON.stringify(body),
});
