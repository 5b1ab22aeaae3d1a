import { parse } from 'ini';
import {
  BOT_RUNTIME_SETTINGS,
  type BotRuntimeSettings,
} from '../../apps/server/src/bot-runtimes/bot-runtime.settings';
import { ServiceBotDispatcher } from '../../apps/server/src/bot-runtimes/service-bot.dispatcher';
import type { ApiClient } from '../helpers/api-client';
import type { TestServer } from '../helpers/test-server';

export interface StoredMessage {
  id: number;
  sender_id: number;
  content: string;
  subject: string;
  client: string;
  type: 'stream' | 'private';
  display_recipient: string | Array<{ id: number }>;
  reactions: Array<{ emoji_name: string; user_id: number }>;
}

export interface CreatedBot {
  userId: number;
  email: string;
  apiKey: string;
  fullName: string;
  /** From the bot's downloaded `.zuliprc` (outgoing-webhook bots only). */
  token?: string;
}

const WAIT_MS = 15_000;

/** Polls `read` until `done` holds, or returns the last value after WAIT_MS. */
export async function eventually<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
): Promise<T> {
  const deadline = Date.now() + WAIT_MS;
  let value = await read();
  while (!done(value) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    value = await read();
  }
  return value;
}

/** Short retries so the suite does not wait out production backoff. */
export function fastRetries(server: TestServer, changes: Partial<BotRuntimeSettings> = {}): void {
  const settings = server.app.get<symbol, BotRuntimeSettings>(BOT_RUNTIME_SETTINGS, {
    strict: false,
  });
  Object.assign(settings, { backoffMs: 20, ...changes });
}

/** Waits until every bot event triggered so far has been handled, retries included. */
export function botEventsSettled(server: TestServer): Promise<void> {
  return server.app.get(ServiceBotDispatcher, { strict: false }).idle();
}

/** Creates a bot through `POST /bots` as `owner`, with the token from its `.zuliprc`. */
export async function createBot(
  api: ApiClient,
  params: Record<string, string | number | object>,
): Promise<CreatedBot> {
  const res = await api.post('/bots', params);
  if (res.status !== 200) throw new Error(`POST /bots failed: ${JSON.stringify(res.body)}`);
  const userId = Number(res.body.user_id);
  const rc = await api.get(`/bots/${userId}/zuliprc`);
  const token = (parse(String(rc.body.zuliprc)) as { api?: { token?: string } }).api?.token;
  return {
    userId,
    email: String(res.body.email),
    apiKey: String(res.body.api_key),
    fullName: String(params.full_name),
    token,
  };
}

export async function messagesIn(
  api: ApiClient,
  narrow: Array<{ operator: string; operand: string | number | number[] }>,
): Promise<StoredMessage[]> {
  const res = await api.get('/messages', {
    anchor: 'newest',
    num_before: 100,
    num_after: 0,
    narrow,
    apply_markdown: false,
  });
  if (res.status !== 200) throw new Error(`GET /messages failed: ${JSON.stringify(res.body)}`);
  return res.body.messages as StoredMessage[];
}

/** DMs the bot as `api`'s user and waits for its answer; returns the conversation, oldest first. */
export async function dmAndAwaitReply(
  api: ApiClient,
  botUserId: number,
  content: string,
): Promise<StoredMessage[]> {
  const sent = await api.post('/messages', {
    type: 'private',
    to: JSON.stringify([botUserId]),
    content,
  });
  if (sent.status !== 200) throw new Error(`sending the DM failed: ${JSON.stringify(sent.body)}`);
  return eventually(
    () => messagesIn(api, [{ operator: 'dm', operand: [botUserId] }]),
    (found) => found.some((m) => m.sender_id === botUserId),
  );
}

export const topicNarrow = (stream: string, topic: string) => [
  { operator: 'stream', operand: stream },
  { operator: 'topic', operand: topic },
];
