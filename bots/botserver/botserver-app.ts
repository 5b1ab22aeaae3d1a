import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ZulipClient, ZulipClientOptions } from '@hub/client';
import type { ServedBotConfig } from './botserver-config';
import { ServedBot, type PayloadMessage } from './served-bot';

const MAX_BODY_BYTES = 1_000_000;

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function directRecipients(value: unknown[]): PayloadMessage['display_recipient'] {
  return value.map((person) => {
    if (!isObject(person) || typeof person.id !== 'number') {
      throw new HttpError(400, 'the payload\'s "message" has a bad display_recipient');
    }
    return {
      id: person.id,
      email: typeof person.email === 'string' ? person.email : '',
      full_name: typeof person.full_name === 'string' ? person.full_name : '',
    };
  });
}

/** The payload's `message`, checked field by field so a handler can rely on it. */
function payloadMessage(value: unknown): PayloadMessage {
  if (
    !isObject(value) ||
    typeof value.id !== 'number' ||
    (value.type !== 'stream' && value.type !== 'private') ||
    typeof value.sender_id !== 'number' ||
    typeof value.content !== 'string' ||
    (typeof value.display_recipient !== 'string' && !Array.isArray(value.display_recipient))
  ) {
    throw new HttpError(400, 'the payload has no valid "message"');
  }
  const text = (field: unknown): string => (typeof field === 'string' ? field : '');
  return {
    id: value.id,
    type: value.type,
    sender_id: value.sender_id,
    sender_email: text(value.sender_email),
    sender_full_name: text(value.sender_full_name),
    display_recipient:
      typeof value.display_recipient === 'string'
        ? value.display_recipient
        : directRecipients(value.display_recipient),
    stream_id: typeof value.stream_id === 'number' ? value.stream_id : undefined,
    subject: text(value.subject),
    content: value.content,
    timestamp: typeof value.timestamp === 'number' ? value.timestamp : undefined,
  };
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new HttpError(413, 'the payload is too large'));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export interface BotserverOptions {
  log: (line: string) => void;
  createClient?: (options: ZulipClientOptions) => ZulipClient;
}

/**
 * Several bots behind one HTTP endpoint: `POST /` takes Zulip's outgoing-webhook payload, finds
 * the bot by `bot_email`, checks its `token`, and answers `{"content": ...}` or
 * `{"response_not_required": true}`.
 */
export class Botserver {
  private readonly bots = new Map<string, ServedBot>();
  private readonly server: http.Server;

  constructor(
    configs: ServedBotConfig[],
    private readonly options: BotserverOptions,
  ) {
    for (const config of configs) {
      this.bots.set(
        config.email.toLowerCase(),
        new ServedBot(config, options.log, options.createClient),
      );
    }
    this.server = http.createServer((req, res) => void this.serve(req, res));
  }

  /** Starts listening; resolves with the endpoint's URL. */
  async listen(port: number, hostname: string): Promise<string> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, hostname, () => {
        this.server.off('error', reject);
        resolve();
      });
    });
    const address = this.server.address() as AddressInfo;
    const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
    return `http://${host}:${address.port}/`;
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
    for (const bot of this.bots.values()) bot.close();
  }

  private async serve(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    try {
      const path = new URL(req.url ?? '/', 'http://botserver').pathname;
      if (path !== '/')
        throw new HttpError(404, `no endpoint at ${path}; outgoing webhooks POST to /`);
      if (req.method !== 'POST') throw new HttpError(405, 'outgoing webhooks use POST');
      const answer = await this.handle(await readBody(req));
      this.reply(res, 200, answer);
    } catch (error) {
      if (error instanceof HttpError) {
        this.reply(res, error.status, { result: 'error', msg: error.message });
        return;
      }
      const reason = error instanceof Error ? error.message : String(error);
      this.options.log(`error: ${reason}`);
      this.reply(res, 500, { result: 'error', msg: `the bot failed: ${reason}` });
    }
  }

  private async handle(body: string): Promise<object> {
    let payload: unknown;
    try {
      payload = JSON.parse(body);
    } catch {
      throw new HttpError(400, 'the payload is not JSON');
    }
    if (!isObject(payload)) throw new HttpError(400, 'the payload is not a JSON object');
    const email = typeof payload.bot_email === 'string' ? payload.bot_email : '';
    const bot = this.bots.get(email.toLowerCase());
    if (!bot) throw new HttpError(400, `no bot with email ${JSON.stringify(email)} is served here`);
    if (!bot.tokenMatches(payload.token)) {
      throw new HttpError(401, `the token does not match the token of ${bot.email}`);
    }
    const trigger = payload.trigger;
    if (trigger !== 'mention' && trigger !== 'direct_message' && trigger !== 'private_message') {
      return { response_not_required: true };
    }
    return bot.answer(payloadMessage(payload.message));
  }

  private reply(res: http.ServerResponse, status: number, body: object): void {
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  }
}
