import { InMemoryBotBackend, startTestBot } from '../framework/testing';
import { IncrementorBot } from './incrementor.bot';

describe('incrementor bot', () => {
  it('posts 1, then edits the same message on every mention', async () => {
    const bot = await startTestBot(new IncrementorBot());
    expect(await bot.say('')).toEqual(['1']);
    expect(await bot.say('')).toEqual([]);
    expect(await bot.say('')).toEqual([]);
    expect(bot.sent).toEqual([expect.objectContaining({ id: 1000, content: '3' })]);
    expect(bot.backend.updates).toEqual([
      { messageId: 1000, content: '2' },
      { messageId: 1000, content: '3' },
    ]);
  });

  it('keeps counting across restarts, from storage', async () => {
    const backend = new InMemoryBotBackend();
    const first = await startTestBot(new IncrementorBot(), { backend });
    await first.say('');
    await first.say('');
    const second = await startTestBot(new IncrementorBot(), { backend });
    await second.say('');
    expect(backend.updates.at(-1)).toEqual({ messageId: 1000, content: '3' });
    expect(backend.stored.get('number')).toBe('3');
  });

  it('posts a new counter when the old one cannot be edited', async () => {
    const backend = new InMemoryBotBackend();
    backend.stored.set('number', '5');
    backend.stored.set('message_id', '424242');
    const bot = await startTestBot(new IncrementorBot(), { backend });
    expect(await bot.say('')).toEqual(['6']);
    expect(backend.stored.get('message_id')).toBe('1000');
  });
});
