import { ALICE, startTestBot, type TestUser } from './testing';
import type { BotContext, BotHandler, BotMessage } from './types';

/** Echoes what it was given, so a spec sees exactly what the handler received. */
class EchoBot implements BotHandler {
  usage(): string {
    return 'echo';
  }
  async handleMessage(message: BotMessage, ctx: BotContext): Promise<void> {
    await ctx.sendReply(message, `[${message.content}]`);
  }
}

const BOB: TestUser = { id: 11, email: 'bob@example.com', full_name: 'Bob' };
const OTHER_BOT: TestUser = {
  id: 12,
  email: 'other-bot@example.com',
  full_name: 'Other',
  isBot: true,
};

describe('dispatch', () => {
  it('answers a leading mention with the mention stripped, in the same stream and topic', async () => {
    const bot = await startTestBot(new EchoBot());
    expect(await bot.say('  what time is it? ', { stream: 'design', topic: 'clock' })).toEqual([
      '[what time is it?]',
    ]);
    expect(bot.sent[0]).toMatchObject({ type: 'stream', to: 'design', topic: 'clock' });
  });

  it('accepts the mention with a user id and the silent form', async () => {
    const bot = await startTestBot(new EchoBot());
    expect(await bot.say('@**Test Bot|99** hi', { raw: true })).toEqual(['[hi]']);
    expect(await bot.say('@_**Test Bot** hi', { raw: true })).toEqual(['[hi]']);
  });

  it('keeps the original text in full_content', async () => {
    const seen: BotMessage[] = [];
    const bot = await startTestBot({
      usage: () => '',
      handleMessage: (message) => {
        seen.push(message);
      },
    });
    await bot.say('hello');
    expect(seen[0]).toMatchObject({ content: 'hello', full_content: '@**Test Bot** hello' });
  });

  it('stays silent when the mention is not at the start, or another user is mentioned', async () => {
    const bot = await startTestBot(new EchoBot());
    expect(await bot.say('hey @**Test Bot** hi', { raw: true })).toEqual([]);
    expect(await bot.say('@**Test Botty** hi', { raw: true })).toEqual([]);
    expect(await bot.say('just chatting', { raw: true })).toEqual([]);
  });

  it('answers a 1:1 direct message to the sender only', async () => {
    const bot = await startTestBot(new EchoBot());
    expect(await bot.say('ping', { direct: true })).toEqual(['[ping]']);
    expect(bot.sent[0]).toMatchObject({ type: 'private', to: [ALICE.id] });
  });

  it('ignores a group direct message unless mentioned, and replies to the whole group', async () => {
    const bot = await startTestBot(new EchoBot());
    const group = bot.event('@**Test Bot** hi all', { direct: true });
    if (typeof group.message.display_recipient === 'string') throw new Error('expected a DM');
    group.message.display_recipient.push({
      id: BOB.id,
      email: BOB.email,
      full_name: BOB.full_name,
    });
    await bot.runtime.dispatch(group);
    expect(bot.sent).toEqual([
      expect.objectContaining({ type: 'private', to: [ALICE.id, BOB.id], content: '[hi all]' }),
    ]);
    const unmentioned = bot.event('hi all', { direct: true });
    if (typeof unmentioned.message.display_recipient === 'string') throw new Error('expected a DM');
    unmentioned.message.display_recipient.push({ id: BOB.id, email: BOB.email, full_name: 'Bob' });
    expect(await bot.runtime.dispatch(unmentioned)).toBe(false);
  });

  it('never answers itself', async () => {
    const bot = await startTestBot(new EchoBot());
    const self: TestUser = { id: 99, email: 'test-bot@example.com', full_name: 'Test Bot' };
    expect(await bot.say('hi', { from: self })).toEqual([]);
    expect(await bot.say('hi', { from: self, direct: true })).toEqual([]);
  });

  it('ignores other bots unless configured to answer them', async () => {
    const quiet = await startTestBot(new EchoBot());
    expect(await quiet.say('hi', { from: OTHER_BOT })).toEqual([]);
    const chatty = await startTestBot(new EchoBot(), { answerBots: true });
    expect(await chatty.say('hi', { from: OTHER_BOT })).toEqual(['[hi]']);
  });

  it('logs a failing handler and keeps running', async () => {
    let calls = 0;
    const bot = await startTestBot({
      usage: () => '',
      handleMessage: async (message, ctx) => {
        calls += 1;
        if (calls === 1) throw new Error('boom');
        await ctx.sendReply(message, 'fine');
      },
    });
    expect(await bot.say('first')).toEqual([]);
    expect(bot.log).toEqual(['bot handler failed on message 1: boom']);
    expect(await bot.say('second')).toEqual(['fine']);
  });
});

describe('dispatch when the sender cannot be looked up', () => {
  it('skips the message with a log line instead of stopping the bot', async () => {
    const bot = await startTestBot(new EchoBot());
    jest.spyOn(bot.backend, 'isBot').mockRejectedValueOnce(new Error('server unreachable'));
    expect(await bot.say('hi')).toEqual([]);
    expect(bot.log).toEqual([
      'skipping a message: cannot tell whether user 10 is a bot (server unreachable)',
    ]);
    expect(await bot.say('hi again')).toEqual(['[hi again]']);
  });
});
