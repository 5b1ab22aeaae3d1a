import { ALICE, expectDialog, startTestBot, type TestUser } from '../framework/testing';
import { HELP_TEXT, VirtualFsBot } from './virtual_fs.bot';

const BOB: TestUser = { id: 11, email: 'bob@example.com', full_name: 'Bob' };
const a = (text: string): string => `alice@example.com:\n${text}`;

describe('virtual_fs bot', () => {
  it('creates, lists, writes, reads and removes', async () => {
    await expectDialog(new VirtualFsBot(), [
      ['pwd', a('/')],
      ['ls', a('/ is empty')],
      ['mkdir docs', a('directory /docs created')],
      ['write docs/todo.txt buy  milk\nand eggs', a('file /docs/todo.txt written')],
      ['write /readme hello', a('file /readme written')],
      ['ls', a('docs/\nreadme')],
      ['cd docs', a('Current directory: /docs')],
      ['pwd', a('/docs')],
      ['read todo.txt', a('buy  milk\nand eggs')],
      ['read ../readme', a('hello')],
      ['rm todo.txt', a('file /docs/todo.txt removed')],
      ['ls', a('/docs is empty')],
      ['cd ..', a('Current directory: /')],
      ['rmdir docs', a('directory /docs and everything in it removed')],
      ['ls /', a('readme')],
    ]);
  });

  it('reports errors', async () => {
    await expectDialog(new VirtualFsBot(), [
      ['cd nowhere', a('ERROR: directory /nowhere does not exist')],
      ['read nothing', a('ERROR: file /nothing does not exist')],
      ['mkdir a/b', a('ERROR: directory /a does not exist')],
      ['mkdir a', a('directory /a created')],
      ['mkdir a', a('ERROR: /a already exists')],
      ['write a hi', a('ERROR: /a is a directory')],
      ['rm a', a('ERROR: /a is a directory, use rmdir')],
      ['read a', a('ERROR: /a is a directory')],
      ['write f x', a('file /f written')],
      ['cd f', a('ERROR: /f is a file, not a directory')],
      ['rmdir /', a('ERROR: the root directory cannot be removed')],
      ['mkdir b*d', a('ERROR: invalid name "b*d" (use letters, digits, "_", "-" and ".")')],
      ['cd', a('ERROR: `cd` takes one path. Say `help` for help.')],
      ['rm a b', a('ERROR: `rm` takes one path. Say `help` for help.')],
      ['format c:', a('ERROR: unknown command `format`. Say `help` for help.')],
      ['help', a(HELP_TEXT)],
      ['', a(HELP_TEXT)],
    ]);
  });

  it('shares one file system across the organization, with a current directory per person', async () => {
    const bot = await startTestBot(new VirtualFsBot());
    await bot.say('mkdir shared', { stream: 'one' });
    await bot.say('cd shared', { stream: 'one' });
    expect(await bot.say('ls', { stream: 'two', from: BOB })).toEqual([
      'bob@example.com:\nshared/',
    ]);
    expect(await bot.say('pwd', { from: BOB })).toEqual(['bob@example.com:\n/']);
    expect(await bot.say('pwd', { from: ALICE, direct: true })).toEqual([a('/shared')]);
  });

  it('keeps one file system per stream with scope = stream', async () => {
    const bot = await startTestBot(new VirtualFsBot(), {
      config: { virtual_fs: { scope: 'stream' } },
    });
    await bot.say('mkdir only-here', { stream: 'one' });
    expect(await bot.say('ls', { stream: 'two' })).toEqual([a('/ is empty')]);
    expect(await bot.say('ls', { stream: 'one' })).toEqual([a('only-here/')]);
  });

  it('refuses an unknown scope at start', async () => {
    await expect(
      startTestBot(new VirtualFsBot(), { config: { virtual_fs: { scope: 'planet' } } }),
    ).rejects.toThrow(/scope must be "realm" or "stream"/);
  });

  it('moves people out of a removed directory', async () => {
    await expectDialog(new VirtualFsBot(), [
      ['mkdir x', a('directory /x created')],
      ['cd x', a('Current directory: /x')],
      ['rmdir /x', a('directory /x and everything in it removed')],
      ['pwd', a('/')],
    ]);
  });
});
