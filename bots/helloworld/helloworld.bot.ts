import type { BotContext, BotHandler, BotMessage } from '../framework/types';

/** The smallest useful bot: answers every mention with "beep boop" and a wave. */
export class HelloWorldBot implements BotHandler {
  usage(): string {
    return 'A minimal bot: mention it and it answers "beep boop" and waves.';
  }

  async handleMessage(message: BotMessage, ctx: BotContext): Promise<void> {
    await ctx.sendReply(message, 'beep boop');
    await ctx.react(message, 'wave');
  }
}

export default HelloWorldBot;
