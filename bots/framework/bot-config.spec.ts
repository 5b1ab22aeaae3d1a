import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { configSection, loadBotConfigFile } from './bot-config';
import { BotConfigError } from './errors';

function tempFile(name: string, text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'bot-config-')), name);
  writeFileSync(path, text);
  return path;
}

describe('bot config file', () => {
  it('reads INI sections as strings', () => {
    const path = tempFile('followup.conf', '[followup]\nstream = tasks\nlimit = 3\n');
    expect(loadBotConfigFile(path)).toEqual({ followup: { stream: 'tasks', limit: '3' } });
  });

  it('names the file when it cannot be read', () => {
    expect(() => loadBotConfigFile('/nonexistent/bot.conf')).toThrow(
      /cannot read bot config file \/nonexistent\/bot.conf/,
    );
  });

  it('names the file and section when the section is missing', () => {
    const source = { sections: { other: {} }, path: 'x.conf' };
    expect(() => configSection(source, 'github_detail', false)).toThrow(
      new BotConfigError('bot config file x.conf has no [github_detail] section'),
    );
    expect(configSection(source, 'github_detail', true)).toEqual({});
    expect(() => configSection({ sections: {}, path: null }, 'giphy', false)).toThrow(
      /needs a \[giphy\] section: pass --bot-config-file/,
    );
  });
});
