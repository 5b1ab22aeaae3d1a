import { createStubContext, expectDialog, startTestBot } from './testing';
import type { BotMessage } from './types';

describe('bot context', () => {
  it('describes the bot with its mention', () => {
    const { context } = createStubContext();
    expect(context.identity()).toEqual({
      fullName: 'Test Bot',
      email: 'test-bot@example.com',
      userId: 99,
      mention: '@**Test Bot**',
    });
  });

  it('edits messages and reacts through the server', async () => {
    const bot = await startTestBot({
      usage: () => '',
      handleMessage: async (message: BotMessage, ctx) => {
        const sent = await ctx.sendReply(message, 'draft');
        if (sent) await ctx.updateMessage({ messageId: sent.id, content: 'final' });
        await ctx.react(message, 'thumbs_up');
      },
    });
    await bot.say('go');
    expect(bot.sent.map((message) => message.content)).toEqual(['final']);
    expect(bot.backend.updates).toEqual([{ messageId: 1000, content: 'final' }]);
    expect(bot.backend.reactions).toEqual([{ messageId: 1, emojiName: 'thumbs_up' }]);
  });

  it('reads its own config section', () => {
    const { context } = createStubContext({ config: { mybot: { key: 'value' } } });
    expect(context.getConfigInfo('mybot')).toEqual({ key: 'value' });
    expect(() => context.getConfigInfo('absent')).toThrow(/no \[absent\] section/);
  });
});

describe('expectDialog', () => {
  const greeter = {
    usage: () => 'greets',
    handleMessage: async (
      message: BotMessage,
      ctx: ReturnType<typeof createStubContext>['context'],
    ) => {
      if (message.content !== 'quiet')
        await ctx.sendReply(message, `Hi ${message.sender_full_name}!`);
    },
  };

  it('passes when every reply matches, with [] for no reply', async () => {
    await expectDialog(greeter, [
      ['hello', 'Hi Alice!'],
      ['quiet', []],
    ]);
  });

  it('fails on the first reply that differs, naming what was said', async () => {
    await expect(expectDialog(greeter, [['hello', 'Hello Alice']])).rejects.toThrow(
      /replies to "hello"/,
    );
  });
});
