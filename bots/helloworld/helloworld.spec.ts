import { expectDialog } from '../framework/testing';
import { HelloWorldBot } from './helloworld.bot';

describe('helloworld bot', () => {
  it('answers "beep boop" and waves at the message', async () => {
    const bot = await expectDialog(new HelloWorldBot(), [
      ['hello', 'beep boop'],
      ['', 'beep boop'],
    ]);
    expect(bot.backend.reactions).toEqual([
      { messageId: 1, emojiName: 'wave' },
      { messageId: 2, emojiName: 'wave' },
    ]);
  });

  it('answers a direct message privately', async () => {
    const bot = await expectDialog(new HelloWorldBot(), [['hi', 'beep boop']], {
      say: { direct: true },
    });
    expect(bot.sent[0]).toMatchObject({ type: 'private', to: [10] });
  });
});
