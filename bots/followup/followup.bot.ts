import type { BotContext, BotHandler, BotMessage } from '../framework/types';

export const DEFAULT_FOLLOWUP_STREAM = 'followup';

/**
 * Forwards what it is told to a follow-up stream (default "followup", or `stream` in the
 * [followup] section of the bot config file), under a topic named after the sender.
 */
export class FollowupBot implements BotHandler {
  private stream = DEFAULT_FOLLOWUP_STREAM;

  usage(): string {
    return (
      'Mention me with a task and I forward it to the follow-up stream: ' +
      '`@followup remember to update the docs`.'
    );
  }

  initialize(ctx: BotContext): void {
    this.stream = ctx.getConfigInfo('followup', true).stream || DEFAULT_FOLLOWUP_STREAM;
  }

  async handleMessage(message: BotMessage, ctx: BotContext): Promise<void> {
    if (message.content === '') {
      await ctx.sendReply(
        message,
        `Please tell me what to forward to #**${this.stream}** after the mention.`,
      );
      return;
    }
    await ctx.sendMessage({
      type: 'stream',
      to: this.stream,
      topic: message.sender_email,
      content: `from ${message.sender_email}: ${message.content}`,
    });
  }
}

export default FollowupBot;
