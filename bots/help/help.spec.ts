import { expectDialog, startTestBot } from '../framework/testing';
import { DEFAULT_HELP_TEXT, HelpBot } from './help.bot';

describe('help bot', () => {
  it('answers anything with the help text', async () => {
    await expectDialog(new HelpBot(), [
      ['help', DEFAULT_HELP_TEXT],
      ['how do I change my password?', DEFAULT_HELP_TEXT],
    ]);
  });

  it('uses the text from the [help] config section', async () => {
    const bot = await startTestBot(new HelpBot(), {
      config: { help: { text: 'Ask in #**helpdesk**.' } },
    });
    expect(await bot.say('?')).toEqual(['Ask in #**helpdesk**.']);
  });
});
