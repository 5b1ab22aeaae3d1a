import type { BotContext, BotHandler, BotMessage } from '../framework/types';

const COUNT_KEY = 'number';
const MESSAGE_KEY = 'message_id';

/**
 * Counts its mentions in one message: the first mention posts "1", later mentions edit that
 * message. The count and the message id live in bot storage, so they survive a restart.
 */
export class IncrementorBot implements BotHandler {
  usage(): string {
    return 'Mention me and I count: I post a counter once and edit it on every later mention.';
  }

  async handleMessage(message: BotMessage, ctx: BotContext): Promise<void> {
    const count = (await ctx.storage.get<number>(COUNT_KEY, 0)) + 1;
    await ctx.storage.put(COUNT_KEY, count);
    const counterId = await ctx.storage.get<number | null>(MESSAGE_KEY, null);
    if (counterId !== null) {
      try {
        await ctx.updateMessage({ messageId: counterId, content: String(count) });
        return;
      } catch {
        // The counter message was deleted or cannot be edited: post a new one below.
      }
    }
    const sent = await ctx.sendReply(message, String(count));
    if (sent) await ctx.storage.put(MESSAGE_KEY, sent.id);
  }
}

export default IncrementorBot;
