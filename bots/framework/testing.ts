/**
 * A harness for bot authors: the real runtime and context over an in-memory server, so a spec
 * drives a bot exactly as users would (message in, replies out) without a network.
 */
import { deepStrictEqual } from 'node:assert/strict';
import type { BotBackend, BotProfile, IncomingMessageEvent } from './backend';
import type { BotConfigSections } from './bot-config';
import { BackendBotContext } from './context';
import { RateGuard, DEFAULT_RATE_GUARD, type RateGuardOptions } from './rate-guard';
import { BotRuntime } from './runtime';
import type { BotHandler, DirectRecipient, OutgoingMessage, SentMessage } from './types';

export interface RecordedMessage extends OutgoingMessage {
  id: number;
}

export interface TestUser {
  id: number;
  email: string;
  full_name: string;
  isBot?: boolean;
}

export const ALICE: TestUser = { id: 10, email: 'alice@example.com', full_name: 'Alice' };
export const TEST_BOT_PROFILE: BotProfile = {
  userId: 99,
  fullName: 'Test Bot',
  email: 'test-bot@example.com',
};

/** A server in memory: records everything the bot does and keeps its storage in a map. */
export class InMemoryBotBackend implements BotBackend {
  readonly sent: RecordedMessage[] = [];
  readonly updates: Array<{ messageId: number; content: string }> = [];
  readonly reactions: Array<{ messageId: number; emojiName: string }> = [];
  readonly stored = new Map<string, string>();
  readonly botUserIds = new Set<number>();
  private nextId = 1000;

  constructor(readonly profile: BotProfile = TEST_BOT_PROFILE) {}

  async getProfile(): Promise<BotProfile> {
    return { ...this.profile };
  }

  async sendMessage(message: OutgoingMessage): Promise<SentMessage> {
    const id = this.nextId++;
    this.sent.push({ ...message, id });
    return { id };
  }

  async updateMessage(messageId: number, content: string): Promise<void> {
    const original = this.sent.find((message) => message.id === messageId);
    if (!original) throw new Error(`Invalid message(s): ${messageId}`);
    original.content = content;
    this.updates.push({ messageId, content });
  }

  async addReaction(messageId: number, emojiName: string): Promise<void> {
    this.reactions.push({ messageId, emojiName });
  }

  async isBot(userId: number): Promise<boolean> {
    return this.botUserIds.has(userId) || userId === this.profile.userId;
  }

  async readStorage(key: string): Promise<string | undefined> {
    return this.stored.get(key);
  }

  async writeStorage(entries: Record<string, string>): Promise<void> {
    for (const [key, value] of Object.entries(entries)) this.stored.set(key, value);
  }

  async removeStorage(key: string): Promise<void> {
    this.stored.delete(key);
  }
}

export interface TestBotOptions {
  /** Sections of the bot config file, e.g. `{ followup: { stream: 'tasks' } }`. */
  config?: BotConfigSections;
  profile?: BotProfile;
  rateGuard?: RateGuardOptions;
  answerBots?: boolean;
  backend?: InMemoryBotBackend;
}

export interface SayOptions {
  from?: TestUser;
  /** Send as a 1:1 direct message to the bot instead of mentioning it in a stream. */
  direct?: boolean;
  stream?: string;
  topic?: string;
  /** Send the text as is, without prepending the bot's mention. */
  raw?: boolean;
}

/** A started bot plus helpers to talk to it. */
export class TestBot {
  private nextMessageId = 1;

  constructor(
    readonly runtime: BotRuntime,
    readonly backend: InMemoryBotBackend,
    /** Lines the runtime logged (rate guard, handler failures). */
    readonly log: string[],
  ) {}

  /** Everything the bot sent so far. */
  get sent(): RecordedMessage[] {
    return this.backend.sent;
  }

  /** The incoming event for `text`, as the server would deliver it. */
  event(text: string, options: SayOptions = {}): IncomingMessageEvent {
    const from = options.from ?? ALICE;
    const me = this.backend.profile;
    const id = this.nextMessageId++;
    const base = {
      id,
      sender_id: from.id,
      sender_email: from.email,
      sender_full_name: from.full_name,
    };
    if (options.direct) {
      const recipients: DirectRecipient[] = [
        { id: from.id, email: from.email, full_name: from.full_name },
        { id: me.userId, email: me.email, full_name: me.fullName },
      ];
      return {
        message: {
          ...base,
          type: 'private',
          display_recipient: recipients,
          subject: '',
          content: text,
        },
        flags: [],
      };
    }
    const content = options.raw ? text : `@**${me.fullName}** ${text}`;
    return {
      message: {
        ...base,
        type: 'stream',
        display_recipient: options.stream ?? 'general',
        stream_id: 1,
        subject: options.topic ?? 'test',
        content,
      },
      flags: options.raw ? [] : ['mentioned'],
    };
  }

  /** Sends `text` to the bot and returns the contents of the messages it sent in response. */
  async say(text: string, options: SayOptions = {}): Promise<string[]> {
    if (options.from?.isBot) this.backend.botUserIds.add(options.from.id);
    const before = this.backend.sent.length;
    await this.runtime.dispatch(this.event(text, options));
    return this.backend.sent.slice(before).map((message) => message.content);
  }
}

export async function startTestBot(
  handler: BotHandler,
  options: TestBotOptions = {},
): Promise<TestBot> {
  const backend = options.backend ?? new InMemoryBotBackend(options.profile);
  const log: string[] = [];
  const runtime = new BotRuntime({
    handler,
    backend,
    config: { sections: options.config ?? {}, path: options.config ? 'test.conf' : null },
    rateGuard: options.rateGuard,
    answerBots: options.answerBots,
    log: (line) => log.push(line),
  });
  await runtime.start();
  return new TestBot(runtime, backend, log);
}

/** A context over an in-memory backend, for calling a handler's methods directly. */
export function createStubContext(options: TestBotOptions = {}): {
  context: BackendBotContext;
  backend: InMemoryBotBackend;
} {
  const backend = options.backend ?? new InMemoryBotBackend(options.profile);
  const context = new BackendBotContext(
    backend,
    backend.profile,
    { sections: options.config ?? {}, path: options.config ? 'test.conf' : null },
    new RateGuard(options.rateGuard ?? DEFAULT_RATE_GUARD, () => undefined),
  );
  return { context, backend };
}

/** One exchange: what the user says, and the reply (or replies; `[]` for none) the bot must send. */
export type DialogStep = [said: string, replies: string | string[]];

/**
 * Plays `dialog` against a freshly started bot and fails on the first step whose replies differ.
 * Returns the bot so a spec can check storage, edits or reactions afterwards.
 */
export async function expectDialog(
  handler: BotHandler,
  dialog: DialogStep[],
  options: TestBotOptions & { say?: SayOptions } = {},
): Promise<TestBot> {
  const bot = await startTestBot(handler, options);
  for (const [said, expected] of dialog) {
    const replies = await bot.say(said, options.say);
    const wanted = typeof expected === 'string' ? [expected] : expected;
    deepStrictEqual(replies, wanted, `replies to ${JSON.stringify(said)}`);
  }
  return bot;
}
