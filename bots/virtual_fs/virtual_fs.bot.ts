import type { BotContext, BotHandler, BotMessage } from '../framework/types';
import { emptyFileSystem, FsError, VirtualFileSystem, type FileSystemState } from './file-system';

export const HELP_TEXT = [
  'A file system kept by the bot, shared by everyone in the organization:',
  '* `ls [path]`: list a directory',
  '* `cd <path>`: change your current directory',
  '* `pwd`: show your current directory',
  '* `mkdir <path>`: create a directory',
  '* `rmdir <path>`: remove a directory and everything in it',
  '* `write <path> <text>`: write a file',
  '* `read <path>`: show a file',
  '* `rm <path>`: remove a file',
  '* `help`: this text',
].join('\n');

/**
 * Where the file system lives in storage: one for the whole organization (the default), or with
 * `scope = stream` in [virtual_fs], one per stream and per direct-message group as Zulip's bot does.
 */
function storageKey(message: BotMessage, perStream: boolean): string {
  if (!perStream) return 'fs';
  if (typeof message.display_recipient === 'string')
    return `fs:stream:${message.display_recipient}`;
  const emails = message.display_recipient.map((person) => person.email).sort();
  return `fs:direct:${emails.join(',')}`;
}

export class VirtualFsBot implements BotHandler {
  private perStream = false;

  usage(): string {
    return 'A shared virtual file system: `mkdir`, `cd`, `ls`, `pwd`, `write`, `read`, `rm`, `rmdir`. Say `help` for details.';
  }

  initialize(ctx: BotContext): void {
    const scope = ctx.getConfigInfo('virtual_fs', true).scope ?? 'realm';
    if (scope !== 'realm' && scope !== 'stream') {
      throw new Error(`[virtual_fs] scope must be "realm" or "stream", not "${scope}"`);
    }
    this.perStream = scope === 'stream';
  }

  async handleMessage(message: BotMessage, ctx: BotContext): Promise<void> {
    const key = storageKey(message, this.perStream);
    const state = await ctx.storage.get<FileSystemState>(key, emptyFileSystem());
    const fs = new VirtualFileSystem(state, message.sender_email);
    const answer = this.run(fs, message.content.trim());
    await ctx.storage.put(key, fs.state);
    await ctx.sendReply(message, `${message.sender_email}:\n${answer}`);
  }

  private run(fs: VirtualFileSystem, command: string): string {
    const match = /^(\S*)\s*(\S*)\s?([\s\S]*)$/.exec(command);
    const [name, path, rest] = match ? [match[1], match[2], match[3]] : ['', '', ''];
    const arityError = (): string => `ERROR: \`${name}\` takes one path. Say \`help\` for help.`;
    try {
      switch (name) {
        case '':
        case 'help':
          return HELP_TEXT;
        case 'pwd':
          return fs.pwd();
        case 'ls':
          return rest === '' ? fs.ls(path) : arityError();
        case 'write':
          return fs.write(path, rest);
        default:
          break;
      }
      if (path === '' || rest !== '') {
        return ['cd', 'mkdir', 'rmdir', 'read', 'rm'].includes(name)
          ? arityError()
          : `ERROR: unknown command \`${name}\`. Say \`help\` for help.`;
      }
      switch (name) {
        case 'cd':
          return fs.cd(path);
        case 'mkdir':
          return fs.mkdir(path);
        case 'rmdir':
          return fs.rmdir(path);
        case 'read':
          return fs.read(path);
        case 'rm':
          return fs.rm(path);
        default:
          return `ERROR: unknown command \`${name}\`. Say \`help\` for help.`;
      }
    } catch (error) {
      if (error instanceof FsError) return error.message;
      throw error;
    }
  }
}

export default VirtualFsBot;
