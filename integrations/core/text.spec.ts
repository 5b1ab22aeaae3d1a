import {
  blockQuote,
  capMessage,
  codeBlock,
  countedNames,
  countOf,
  inlineCode,
  joinNames,
  link,
  MAX_MESSAGE_LENGTH,
  truncatedList,
  truncateTopic,
  utcTime,
} from './text';
import { render } from './templates';

describe('the shared message text', () => {
  it('quotes a body in a fence its own code blocks cannot close', () => {
    expect(blockQuote(' Looks good.\n')).toBe('~~~ quote\nLooks good.\n~~~');
    expect(blockQuote('See:\n~~~\ncode\n~~~')).toBe('``` quote\nSee:\n~~~\ncode\n~~~\n```');
    expect(blockQuote('~~~\na\n~~~\n```\nb\n```')).toBe(
      '```` quote\n~~~\na\n~~~\n```\nb\n```\n````',
    );
  });

  it('links what has a URL and leaves the rest as text', () => {
    expect(link('PR #3', 'https://git.example.org/pr/3')).toBe(
      '[PR #3](https://git.example.org/pr/3)',
    );
    expect(link('PR #3', null)).toBe('PR #3');
  });

  it('joins names the English way', () => {
    expect(joinNames([])).toBe('');
    expect(joinNames(['A'])).toBe('A');
    expect(joinNames(['A', 'B'])).toBe('A and B');
    expect(joinNames(['A', 'B', 'C'])).toBe('A, B and C');
  });

  it('counts names by frequency, then alphabetically, and sums those past the limit as others', () => {
    expect(countedNames(['Zoe', 'Ann', 'Bob', 'Bob', 'Cy', 'Dee', 'Ann'], 3)).toBe(
      'Ann (2), Bob (2), Cy (1) and others (2)',
    );
    expect(countedNames(['Ann'], 3)).toBe('Ann (1)');
  });

  it('says "1 commit" and "2 commits"', () => {
    expect(countOf(1, 'commit')).toBe('1 commit');
    expect(countOf(2, 'commit')).toBe('2 commits');
    expect(countOf(2, 'child', 'children')).toBe('2 children');
  });

  it('lists at most the limit and counts the rest', () => {
    const items = ['a', 'b', 'c', 'd'];
    expect(truncatedList(items, 2)).toBe('* a\n* b\n[and 2 more]');
    expect(truncatedList(items, 4)).toBe('* a\n* b\n* c\n* d');
    expect(truncatedList(items, 3, (n) => `[and ${n} more commit(s)]`)).toBe(
      '* a\n* b\n* c\n[and 1 more commit(s)]',
    );
  });

  it('keeps inline code intact around backticks', () => {
    expect(inlineCode('main')).toBe('`main`');
    expect(inlineCode('a`b')).toBe('``a`b``');
    expect(inlineCode('`x')).toBe('`` `x ``');
  });

  it('fences a code block so backticks inside cannot close it', () => {
    expect(codeBlock('x = 1\n', 'python')).toBe('```python\nx = 1\n```');
    expect(codeBlock('a ``` b')).toBe('````\na ``` b\n````');
  });

  it('writes a moment in UTC, to the second', () => {
    expect(utcTime('2022-08-31T07:54:04.52289368+02:00')).toBe('2022-08-31 05:54:04 UTC');
    expect(utcTime(1588082165903)).toBe('2020-04-28 13:56:05 UTC');
    expect(utcTime('soon')).toBe('soon');
  });

  it('cuts topics at 60 characters with "..."', () => {
    expect(truncateTopic('x'.repeat(60))).toBe('x'.repeat(60));
    expect(truncateTopic('x'.repeat(61))).toBe(`${'x'.repeat(57)}...`);
  });

  it('caps a message at 10,000 characters, closing a quote it cuts through', () => {
    const short = 'fine';
    expect(capMessage(short)).toBe(short);
    const long = `Someone commented:\n~~~ quote\n${'line of text\n'.repeat(2000)}~~~`;
    const capped = capMessage(long);
    expect([...capped].length).toBeLessThanOrEqual(MAX_MESSAGE_LENGTH);
    expect(capped.endsWith('\n~~~\n[message truncated]')).toBe(true);
    const closedFences = capped.match(/^~~~/gm) ?? [];
    expect(closedFences.length % 2).toBe(0);
  });
});

describe('template helpers', () => {
  it('are the same text as the functions, and a bare name still reads the field', () => {
    // core/templates resolves `<integration>/templates/<name>.hbs`; core has a test template.
    expect(
      render('core', 'helpers-example', {
        title: 'Fix it',
        url: 'https://x.example/1',
        sha: '0123456789abcdef',
        commitUrl: 'https://x.example/c',
        shortSha: 'from-the-data',
        people: ['A', 'B', 'C'],
        body: 'a comment',
      }),
    ).toBe(
      '[Fix it](https://x.example/1) [0123456](https://x.example/c) from-the-data A, B and C 2 commits `main`\n~~~ quote\na comment\n~~~',
    );
  });
});
