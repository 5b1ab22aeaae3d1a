import type { BotContext, BotHandler, BotMessage } from '../framework/types';

/** ROT13: each Latin letter moves 13 places, so applying it twice gives the text back. */
export function rot13(text: string): string {
  return text.replace(/[a-z]/gi, (letter) => {
    const base = letter <= 'Z' ? 65 : 97;
    return String.fromCharCode(((letter.charCodeAt(0) - base + 13) % 26) + base);
  });
}

export class EncryptBot implements BotHandler {
  usage(): string {
    return (
      'Encrypts or decrypts text with ROT13: `@encrypt <text>`. ' +
      'Send the encrypted text again to decrypt it.'
    );
  }

  async handleMessage(message: BotMessage, ctx: BotContext): Promise<void> {
    if (message.content === '') {
      await ctx.sendReply(message, this.usage());
      return;
    }
    await ctx.sendReply(message, `Encrypted/Decrypted text: ${rot13(message.content)}`);
  }
}

export default EncryptBot;
