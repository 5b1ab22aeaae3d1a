import { ircToMarkdown, IRC, markdownToIrc } from './formatting';
import { IRC_LINE_LIMIT, sourceReserve, splitWithPrefix, textBudget } from './line-split';

describe('markdownToIrc', () => {
  it('turns Markdown into IRC formatting codes and links into URLs', () => {
    expect(
      markdownToIrc('**bold** *it* `x = 1` ~~old~~ [docs](https://example.com/d) <https://a.b/c>'),
    ).toEqual([
      `${IRC.bold}bold${IRC.bold} ${IRC.italic}it${IRC.italic} ${IRC.mono}x = 1${IRC.mono} ${IRC.strike}old${IRC.strike} docs <https://example.com/d> https://a.b/c`,
    ]);
  });

  it('reads mentions and stream links as text, keeps lists, quotes and code blocks as lines', () => {
    expect(
      markdownToIrc(
        'hi @**Jane Doe** and @_**Bob|12**, see #**dev>builds**\n\n- one\n- two\n\n```\na < b\n```\n> quoted',
      ),
    ).toEqual(['hi @Jane Doe and @Bob, see #dev > builds', '- one', '- two', 'a < b', '> quoted']);
  });

  it('keeps plain text, entities and emoji as typed', () => {
    expect(markdownToIrc('a & b <tag> 🎉 :smile:')).toEqual(['a & b <tag> 🎉 :smile:']);
  });
});

describe('ircToMarkdown', () => {
  it('converts bold, italics, monospace and strikethrough, strips colors and other codes', () => {
    expect(ircToMarkdown(`${IRC.bold}hey${IRC.bold} ${IRC.italic}you${IRC.reset} ok`)).toBe(
      '**hey** *you* ok',
    );
    expect(ircToMarkdown(`${IRC.color}4,2red${IRC.color} ${IRC.underline}u${IRC.underline}`)).toBe(
      'red u',
    );
    expect(ircToMarkdown(`${IRC.mono}ls -l${IRC.mono} ${IRC.strike}no${IRC.strike}\x07`)).toBe(
      '`ls -l` ~~no~~',
    );
    expect(ircToMarkdown(`${IRC.bold}unclosed bold `)).toBe('**unclosed bold** ');
    expect(ircToMarkdown(`${IRC.bold}${IRC.bold}`)).toBe('');
  });
});

describe('splitWithPrefix', () => {
  const budget = textBudget('PRIVMSG', '#dev', sourceReserve('bridge', 'bridge'));

  it('keeps every full relayed line within 512 bytes, UTF-8 safe, prefix on every line', () => {
    const body = 'Grüße 🎉👩🏽‍💻 ünïcödé '.repeat(60);
    const prefix = '[topic] <Jürgen> ';
    const lines = splitWithPrefix(prefix, body, budget);
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) {
      expect(line.startsWith(prefix)).toBe(true);
      const relayed = `:bridge!~bridge@${'h'.repeat(63)} PRIVMSG #dev :${line}\r\n`;
      expect(Buffer.byteLength(relayed)).toBeLessThanOrEqual(IRC_LINE_LIMIT);
      expect(line).not.toContain('\ufffd');
    }
    const rejoined = lines.map((l) => l.slice(prefix.length)).join(' ');
    expect(rejoined.replace(/\s+/g, ' ').trim()).toBe(body.replace(/\s+/g, ' ').trim());
    expect(lines.join('')).toContain('👩🏽‍💻');
  });

  it('breaks at spaces when it can and hard-breaks long words', () => {
    expect(splitWithPrefix('> ', 'aaaa bbbb cccc dddd eeee ffff', 24)).toEqual([
      '> aaaa bbbb cccc dddd',
      '> eeee ffff',
    ]);
    expect(splitWithPrefix('', 'x'.repeat(40), 16)).toEqual([
      'x'.repeat(16),
      'x'.repeat(16),
      'x'.repeat(8),
    ]);
  });
});
