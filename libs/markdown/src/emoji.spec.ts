import * as fs from 'node:fs';
import * as path from 'node:path';
import { unicodeEmojiByCode, unicodeEmojiByName } from './emoji';

/** Zulip's name table as the project's shared reference has it (../shared, when present). */
function referenceTable(): string | undefined {
  for (let dir = path.resolve(__dirname, '../../..'); ; dir = path.dirname(dir)) {
    const file = path.join(dir, 'shared', 'reference', 'zulip-emoji-names.json');
    if (fs.existsSync(file)) return file;
    if (path.dirname(dir) === dir) return undefined;
  }
}

describe('the emoji name table', () => {
  it("resolves Zulip's names and aliases to Zulip's codes", () => {
    expect(unicodeEmojiByName('thumbs_up')).toEqual({ code: '1f44d', canonicalName: '+1' });
    expect(unicodeEmojiByName('+1')?.code).toBe('1f44d');
    expect(unicodeEmojiByName('like')?.code).toBe('1f44d');
    expect(unicodeEmojiByName('octopus')?.code).toBe('1f419');
    expect(unicodeEmojiByName('tada')?.code).toBe('1f389');
    expect(unicodeEmojiByName('working_on_it')?.code).toBe('1f6e0');
    expect(unicodeEmojiByName('hammer_and_wrench')?.code).toBe('1f6e0');
    expect(unicodeEmojiByName('heart')?.code).toBe('2764');
  });

  it('finds an emoji by code in any case, and knows nothing else', () => {
    expect(unicodeEmojiByCode('1F44D')?.canonicalName).toBe('+1');
    expect(unicodeEmojiByCode('1f6e0-fe0f')).toBeUndefined();
    expect(unicodeEmojiByName('thumbsup')).toBeUndefined();
    expect(unicodeEmojiByName('zulip')).toBeUndefined();
  });

  const reference = referenceTable();
  (reference ? it : it.skip)('has every name of the shared reference table', () => {
    const table = JSON.parse(fs.readFileSync(reference ?? '', 'utf8')) as {
      emoji: Record<string, { canonical_name: string; aliases: string[] }>;
    };
    const entries = Object.entries(table.emoji);
    expect(entries.length).toBeGreaterThan(1000);
    for (const [code, { canonical_name: canonical, aliases }] of entries) {
      expect(unicodeEmojiByCode(code)?.canonicalName).toBe(canonical);
      for (const name of [canonical, ...aliases]) {
        expect([name, unicodeEmojiByName(name)?.code]).toEqual([name, code]);
      }
    }
  });
});
