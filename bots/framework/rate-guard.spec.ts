import { RateGuard } from './rate-guard';
import { startTestBot } from './testing';

describe('rate guard', () => {
  it('drops sends over the limit with one log line, and allows them again after the window', () => {
    let now = 0;
    const log: string[] = [];
    const guard = new RateGuard(
      { maxMessages: 3, windowMs: 5000 },
      (line) => log.push(line),
      () => now,
    );
    expect([guard.allow(), guard.allow(), guard.allow(), guard.allow(), guard.allow()]).toEqual([
      true,
      true,
      true,
      false,
      false,
    ]);
    expect(log).toHaveLength(1);
    expect(log[0]).toMatch(/more than 3 messages in 5 s/);
    now = 5001;
    expect(guard.allow()).toBe(true);
  });

  it('stops a bot that floods: 20 messages in 5 s by default, the rest dropped', async () => {
    const bot = await startTestBot({
      usage: () => 'loops',
      handleMessage: async (message, ctx) => {
        for (let i = 0; i < 30; i += 1) await ctx.sendReply(message, `reply ${i}`);
      },
    });
    const replies = await bot.say('go');
    expect(replies).toHaveLength(20);
    expect(bot.log).toHaveLength(1);
    expect(bot.log[0]).toMatch(/rate guard: more than 20 messages in 5 s/);
  });

  it('reports a dropped send to the handler as null', async () => {
    const results: Array<number | null> = [];
    const bot = await startTestBot(
      {
        usage: () => '',
        handleMessage: async (message, ctx) => {
          for (let i = 0; i < 3; i += 1)
            results.push((await ctx.sendReply(message, 'x'))?.id ?? null);
        },
      },
      { rateGuard: { maxMessages: 2, windowMs: 60000 } },
    );
    await bot.say('go');
    expect(results).toEqual([1000, 1001, null]);
  });
});
