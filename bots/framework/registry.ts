import { ConverterBot } from '../converter/converter.bot';
import { EncryptBot } from '../encrypt/encrypt.bot';
import { FollowupBot } from '../followup/followup.bot';
import { GithubDetailBot } from '../github_detail/github_detail.bot';
import { HelloWorldBot } from '../helloworld/helloworld.bot';
import { HelpBot } from '../help/help.bot';
import { IncrementorBot } from '../incrementor/incrementor.bot';
import { TicTacToeBot } from '../tictactoe/tictactoe.bot';
import { VirtualFsBot } from '../virtual_fs/virtual_fs.bot';
import type { BotHandler } from './types';

export interface RegisteredBot {
  description: string;
  /** A fresh handler: each running bot gets its own instance (handlers may keep state). */
  create(): BotHandler;
}

/** The bundled bots, by the name `npm run bot -- <name>` and embedded bots use. */
export const BOT_REGISTRY: Readonly<Record<string, RegisteredBot>> = {
  converter: { description: 'Converts between units', create: () => new ConverterBot() },
  encrypt: { description: 'ROT13-encrypts and decrypts text', create: () => new EncryptBot() },
  followup: {
    description: 'Forwards messages to a follow-up stream',
    create: () => new FollowupBot(),
  },
  github_detail: {
    description: 'Expands owner/repo#123 into the GitHub issue or pull request',
    create: () => new GithubDetailBot(),
  },
  helloworld: { description: 'Answers "beep boop"', create: () => new HelloWorldBot() },
  help: { description: 'Points people to help', create: () => new HelpBot() },
  incrementor: {
    description: 'Counts its mentions in one edited message',
    create: () => new IncrementorBot(),
  },
  tictactoe: { description: 'Plays tic-tac-toe', create: () => new TicTacToeBot() },
  virtual_fs: { description: 'A shared virtual file system', create: () => new VirtualFsBot() },
};

export function registeredBotNames(): string[] {
  return Object.keys(BOT_REGISTRY).sort();
}

export function findRegisteredBot(name: string): RegisteredBot | undefined {
  return Object.hasOwn(BOT_REGISTRY, name) ? BOT_REGISTRY[name] : undefined;
}
