import { createHmac } from 'node:crypto';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedCall {
  method: string;
  params: Record<string, unknown>;
  authorization: string | undefined;
}

export interface SlackPerson {
  id: string;
  name: string;
  displayName: string;
}

/**
 * A local stand-in for the Slack Web API: records every call and answers as Slack does for the
 * methods a bridge uses (auth.test, users.info, chat.postMessage/update/delete).
 */
export class SlackRecorder {
  readonly calls: RecordedCall[] = [];
  private server: http.Server | undefined;
  private nextTs = 1_700_000_000;
  readonly botId = 'BBRIDGE1';
  readonly botUserId = 'UBRIDGE1';

  constructor(private readonly people: SlackPerson[]) {}

  get url(): string {
    const address = this.server?.address() as AddressInfo | undefined;
    if (!address) throw new Error('recorder not started');
    return `http://127.0.0.1:${address.port}/api/`;
  }

  async start(): Promise<void> {
    this.server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => {
        body += chunk.toString();
      });
      req.on('end', () => {
        const method = (req.url ?? '').replace(/^\/api\//, '').split('?')[0];
        const params = req.headers['content-type']?.includes('json')
          ? (JSON.parse(body || '{}') as Record<string, unknown>)
          : Object.fromEntries(new URLSearchParams(body));
        this.calls.push({ method, params, authorization: req.headers.authorization });
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify(this.answer(method, params)));
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
  }

  callsOf(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  async stop(): Promise<void> {
    await new Promise((resolve) => this.server?.close(resolve));
  }

  private answer(method: string, params: Record<string, unknown>): Record<string, unknown> {
    switch (method) {
      case 'auth.test':
        return {
          ok: true,
          url: 'https://example.slack.com/',
          team: 'Example',
          user: 'bridge',
          team_id: 'T0001',
          user_id: this.botUserId,
          bot_id: this.botId,
        };
      case 'users.info': {
        const person = this.people.find((p) => p.id === params.user);
        if (!person) return { ok: false, error: 'user_not_found' };
        return {
          ok: true,
          user: {
            id: person.id,
            name: person.name,
            real_name: person.displayName,
            profile: { display_name: person.displayName },
          },
        };
      }
      case 'chat.postMessage': {
        const ts = `${this.nextTs++}.000100`;
        return {
          ok: true,
          channel: params.channel,
          ts,
          message: { type: 'message', subtype: 'bot_message', bot_id: this.botId, ts },
        };
      }
      case 'chat.update':
        return { ok: true, channel: params.channel, ts: params.ts, text: params.text };
      case 'chat.delete':
        return { ok: true, channel: params.channel, ts: params.ts };
      default:
        return { ok: false, error: 'unknown_method' };
    }
  }
}

/** Slack's v0 request signature: HMAC-SHA256 of `v0:<timestamp>:<body>` with the signing secret. */
export function signSlackRequest(
  secret: string,
  body: string,
  timestamp = Math.floor(Date.now() / 1000),
): Record<string, string> {
  const signature = createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex');
  return {
    'content-type': 'application/json',
    'x-slack-request-timestamp': String(timestamp),
    'x-slack-signature': `v0=${signature}`,
  };
}
