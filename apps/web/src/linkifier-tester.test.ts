import { describe, expect, it } from 'vitest';
import { draftProblem, linkifyPreview } from './linkifier-tester';

const trac = { pattern: 'T(?P<id>[0-9]+)', url_template: 'https://trac.example.com/ticket/{id}' };

describe('linkifyPreview', () => {
  it('links each match to the template filled with its groups', () => {
    expect(linkifyPreview('See T1234 and T5.', [trac])).toEqual([
      { text: 'See ' },
      { text: 'T1234', href: 'https://trac.example.com/ticket/1234' },
      { text: ' and ' },
      { text: 'T5', href: 'https://trac.example.com/ticket/5' },
      { text: '.' },
    ]);
  });

  it('keeps Zulip’s word boundaries: no match inside a word or running into one', () => {
    expect(linkifyPreview('xT12 T12x (T12)', [trac])).toEqual([
      { text: 'xT12 T12x (' },
      { text: 'T12', href: 'https://trac.example.com/ticket/12' },
      { text: ')' },
    ]);
  });

  it('gives overlapping matches to the linkifier listed first', () => {
    const github = {
      pattern: '(?P<repo>[a-z]+)#(?P<n>[0-9]+)',
      url_template: 'https://github.com/org/{repo}/issues/{n}',
    };
    const hash = { pattern: '#(?P<n>[0-9]+)', url_template: 'https://bugs.example.com/{n}' };
    expect(linkifyPreview('hub#7 and #8', [github, hash])).toEqual([
      { text: 'hub#7', href: 'https://github.com/org/hub/issues/7' },
      { text: ' and ' },
      { text: '#8', href: 'https://bugs.example.com/8' },
    ]);
  });

  it('percent-encodes values, and keeps reserved characters for {+var}', () => {
    const search = { pattern: 'q:(?P<q>[^ ]+)', url_template: 'https://s.example.com/?q={q}' };
    const path = { pattern: 'p:(?P<p>[^ ]+)', url_template: 'https://s.example.com/{+p}' };
    expect(linkifyPreview('q:a/b&c p:a/b', [search, path])).toEqual([
      { text: 'q:a/b&c', href: 'https://s.example.com/?q=a%2Fb%26c' },
      { text: ' ' },
      { text: 'p:a/b', href: 'https://s.example.com/a/b' },
    ]);
  });

  it('skips linkifiers the renderer would drop, and links nothing for an empty list', () => {
    const bad = { pattern: '(', url_template: 'https://example.com' };
    const notHttp = { pattern: 'x(?P<a>1)', url_template: 'javascript:{a}' };
    expect(linkifyPreview('x1 T3', [bad, notHttp, trac])).toEqual([
      { text: 'x1 ' },
      { text: 'T3', href: 'https://trac.example.com/ticket/3' },
    ]);
    expect(linkifyPreview('T3', [])).toEqual([{ text: 'T3' }]);
  });
});

describe('draftProblem', () => {
  it('accepts a valid linkifier', () => {
    expect(draftProblem(trac)).toBeNull();
  });

  it('explains what the server would refuse', () => {
    expect(draftProblem({ pattern: ' ', url_template: 'https://x.example' })).toBe(
      'Pattern cannot be empty.',
    );
    expect(draftProblem({ pattern: 'T(', url_template: 'https://x.example' })).toMatch(
      /^Bad regular expression/,
    );
    expect(draftProblem({ pattern: 'T(?P<id>\\d+)', url_template: 'ftp://x/{id}' })).toBe(
      'Invalid URL template: it must be an absolute http(s) URL.',
    );
    expect(draftProblem({ pattern: 'T(?P<id>\\d+)', url_template: 'https://x/{num}' })).toBe(
      'Group "num" in URL template is not present in linkifier pattern.',
    );
    expect(draftProblem({ pattern: 'T(?P<id>\\d+)', url_template: 'https://x/{id' })).toBe(
      'Invalid URL template: unbalanced braces.',
    );
  });
});
