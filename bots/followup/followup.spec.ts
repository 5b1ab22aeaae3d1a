import { expectDialog, startTestBot } from '../framework/testing';
import { FollowupBot } from './followup.bot';

describe('followup bot', () => {
  it('forwards the message to the followup stream under the sender topic', async () => {
    const bot = await startTestBot(new FollowupBot());
    await bot.say('call the plumber', { stream: 'home', topic: 'kitchen' });
    expect(bot.sent).toEqual([
      {
        id: 1000,
        type: 'stream',
        to: 'followup',
        topic: 'alice@example.com',
        content: 'from alice@example.com: call the plumber',
      },
    ]);
  });

  it('uses the stream from the config file', async () => {
    const bot = await startTestBot(new FollowupBot(), {
      config: { followup: { stream: 'tasks' } },
    });
    await bot.say('review PR');
    expect(bot.sent[0]).toMatchObject({ to: 'tasks' });
  });

  it('asks for a message when given none', async () => {
    const bot = await expectDialog(new FollowupBot(), [
      ['', 'Please tell me what to forward to #**followup** after the mention.'],
    ]);
    expect(bot.sent[0]).toMatchObject({ to: 'general', topic: 'test' });
  });
});
