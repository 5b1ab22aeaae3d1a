/** A bot event failed for a reason the bot's owner should read (the text goes into the notice). */
export class BotEventError extends Error {
  override name = 'BotEventError';
}
