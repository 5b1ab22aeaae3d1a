import { UsersRepository } from '../../../apps/server/src/identity/users.repository';
import type { ApiClient, Credentials } from '../../helpers/api-client';
import type { RestartableServer } from '../../gateway/helpers/restartable-server';

export interface ChatMessage {
  id: number;
  content: string;
  subject: string;
  sender_email: string;
  sender_full_name: string;
  client: string;
  display_recipient: string | Array<{ email: string }>;
}

/** Creates the bridge bot through the API and makes it an API super user (what `manage knight` does). */
export async function createBridgeBot(
  server: RestartableServer,
  ownerApi: ApiClient,
  shortName: string,
): Promise<Credentials & { id: number }> {
  const created = await ownerApi.post('/bots', {
    full_name: `${shortName} bridge`,
    short_name: shortName,
  });
  if (created.body.result !== 'success') throw new Error(`bot: ${created.body.msg}`);
  const bot = {
    id: created.body.user_id as number,
    email: created.body.email as string,
    apiKey: created.body.api_key as string,
  };
  await server.running.get(UsersRepository).update(bot.id, { is_api_super_user: true });
  return bot;
}

/** The newest messages `api`'s user can see in `narrow` (raw Markdown). */
export async function chatMessages(api: ApiClient, narrow: object[]): Promise<ChatMessage[]> {
  const res = await api.get('/messages', {
    anchor: 'newest',
    num_before: 200,
    num_after: 0,
    narrow,
    apply_markdown: false,
  });
  if (res.body.result !== 'success') throw new Error(`GET /messages: ${res.body.msg}`);
  return res.body.messages as ChatMessage[];
}

/** Polls until `count` messages match (or 20 s passed); returns the matches. */
export async function waitForChat(
  api: ApiClient,
  narrow: object[],
  match: (m: ChatMessage) => boolean,
  count = 1,
): Promise<ChatMessage[]> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const found = (await chatMessages(api, narrow)).filter(match);
    if (found.length >= count || Date.now() > deadline) return found;
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function waitUntil(
  check: () => boolean,
  what: string,
  timeoutMs = 20_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
