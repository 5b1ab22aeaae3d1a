import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadBot } from './load-bot';
import { BOT_REGISTRY, registeredBotNames } from './registry';

describe('loading bots', () => {
  it('knows every bundled bot by name, each with a usage text', () => {
    expect(registeredBotNames()).toEqual([
      'converter',
      'encrypt',
      'followup',
      'github_detail',
      'helloworld',
      'help',
      'incrementor',
      'tictactoe',
      'virtual_fs',
    ]);
    for (const name of registeredBotNames()) {
      expect(BOT_REGISTRY[name].create().usage()).not.toBe('');
    }
  });

  it('rejects an unknown name, listing the bundled bots', () => {
    expect(() => loadBot('nosuchbot')).toThrow(
      /unknown bot "nosuchbot"; bundled bots: converter, /,
    );
    expect(() => loadBot('toString')).toThrow(/unknown bot/);
  });

  it('loads a module by path that exports a handler class or object', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bot-module-'));
    const classFile = join(dir, 'classbot.js');
    writeFileSync(
      classFile,
      'class B { usage() { return "cls"; } handleMessage() {} }\nmodule.exports = { default: B };\n',
    );
    const objectFile = join(dir, 'objectbot.js');
    writeFileSync(
      objectFile,
      'module.exports = { handler: { usage: () => "obj", handleMessage() {} } };\n',
    );
    expect(loadBot(classFile).usage()).toBe('cls');
    expect(loadBot(objectFile).usage()).toBe('obj');
  });

  it('explains a module without a handler, a missing file and an unbuilt .ts file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bot-module-'));
    const empty = join(dir, 'empty.js');
    writeFileSync(empty, 'module.exports = { something: 1 };\n');
    expect(() => loadBot(empty)).toThrow(/exports no bot handler/);
    expect(() => loadBot(join(dir, 'missing.js'))).toThrow(/does not exist/);
    const source = join(dir, 'mybot.bot.ts');
    writeFileSync(source, 'export default {};\n');
    expect(() => loadBot(source, dir)).toThrow(/is not built: run `npm run build`/);
  });
});
