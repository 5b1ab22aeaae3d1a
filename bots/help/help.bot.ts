import type { BotContext, BotHandler, BotMessage } from '../framework/types';

export const DEFAULT_HELP_TEXT =
  'Information about Zulip can be found at https://zulip.com/help/ ; ' +
  'ask your organization administrators about anything specific to this server.';

/** Answers every question with a pointer to help (the text is configurable). */
export class HelpBot implements BotHandler {
  private text = DEFAULT_HELP_TEXT;

  usage(): string {
    return (
      'Mention me or send me a direct message and I point you to help. ' +
      'The answer can be set with `text` in the [help] section of the bot config file.'
    );
  }

  initialize(ctx: BotContext): void {
    const configured = ctx.getConfigInfo('help', true).text;
    if (configured) this.text = configured;
  }

  async handleMessage(message: BotMessage, ctx: BotContext): Promise<void> {
    await ctx.sendReply(message, this.text);
  }
}

export default HelpBot;
