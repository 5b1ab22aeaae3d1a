import { renderMarkdown, renderTopicLinks } from './index';
import { literalPrefix } from './linkifiers';
import { testContext } from './test-context';
import type { Linkifier } from './types';

const issues: Linkifier = {
  pattern: '#(?P<id>[0-9]+)',
  urlTemplate: 'https://github.com/zulip/zulip/issues/{id}',
};
const render = (content: string, linkifiers: Linkifier[] = [issues]) =>
  renderMarkdown(content, { ...testContext, linkifiers });
const issueLink = (id: string) =>
  `<a href="https://github.com/zulip/zulip/issues/${id}" target="_blank" rel="noopener noreferrer">#${id}</a>`;

describe('linkifiers in messages', () => {
  it('links matches in text using the URL template', () => {
    const result = render('fixes #123 and #7');
    expect(result.html).toBe(`<p>fixes ${issueLink('123')} and ${issueLink('7')}</p>`);
    expect(result.hasLink).toBe(true);
  });

  it('does not link inside code, code blocks or existing links', () => {
    expect(render('`#1`\n\n```\n#2\n```\n\n[see #3](https://e.org)').html).toBe(
      '<p><code>#1</code></p>\n<div class="codehilite"><pre><span></span><code>#2\n</code></pre></div>\n' +
        '<p><a href="https://e.org" target="_blank" rel="noopener noreferrer">see #3</a></p>',
    );
  });

  it('links inside emphasis and quotes', () => {
    expect(render('> **#5**').html).toBe(
      `<blockquote>\n<p><strong>${issueLink('5')}</strong></p>\n</blockquote>`,
    );
  });

  it('only links matches standing on their own, as Zulip does', () => {
    expect(render('abc#12 #12abc (#13)').html).toBe(`<p>abc#12 #12abc (${issueLink('13')})</p>`);
  });

  it('percent-encodes values so they cannot break out of the URL', () => {
    const ticket: Linkifier = {
      pattern: 'ticket:(?<key>\\S+)',
      urlTemplate: 'https://t.example/browse/{key}',
    };
    expect(render('ticket:a"><i>b&c', [ticket]).html).toBe(
      '<p><a href="https://t.example/browse/a%22%3E%3Ci%3Eb%26c" target="_blank" rel="noopener noreferrer">' +
        'ticket:a"&gt;&lt;i&gt;b&amp;c</a></p>',
    );
  });

  it('accepts RegExp patterns and keeps their case-insensitivity', () => {
    const jira: Linkifier = {
      pattern: /(?<key>PROJ-\d+)/i,
      urlTemplate: 'https://jira.example/{key}',
    };
    expect(render('see proj-42', [jira]).html).toBe(
      '<p>see <a href="https://jira.example/proj-42" target="_blank" rel="noopener noreferrer">proj-42</a></p>',
    );
  });

  it('lets the first linkifier win where two overlap', () => {
    const wide: Linkifier = { pattern: 'PR #(?<id>\\d+)', urlTemplate: 'https://pr.example/{id}' };
    expect(render('PR #9', [wide, issues]).html).toBe(
      '<p><a href="https://pr.example/9" target="_blank" rel="noopener noreferrer">PR #9</a></p>',
    );
  });

  it('drops linkifiers whose template does not give an http(s) URL', () => {
    for (const urlTemplate of [
      'javascript:alert({id})',
      'data:text/html,{id}',
      '{+id}',
      'vbscript:{id}',
    ]) {
      const result = render('#1', [{ pattern: '#(?<id>\\d+)', urlTemplate }]);
      expect(result.html).toBe('<p>#1</p>');
      expect(result.hasLink).toBe(false);
    }
  });

  it('drops invalid and exponential patterns', () => {
    const invalid: Linkifier = { pattern: '(?<id>[', urlTemplate: 'https://e.org/{id}' };
    const exponential: Linkifier = { pattern: '(?<id>(a+)+b)', urlTemplate: 'https://e.org/{id}' };
    expect(render('aaab #1', [invalid, exponential, issues]).html).toBe(
      `<p>aaab ${issueLink('1')}</p>`,
    );
  });

  it('links at most 100 matches per message', () => {
    const content = Array.from({ length: 150 }, (_, i) => `#${i}`).join(' ');
    const links = render(content).html.match(/<a /g) ?? [];
    expect(links).toHaveLength(100);
  });

  it('gives up on a pattern that backtracks too long and still renders the message', () => {
    const slow: Linkifier = { pattern: '(?<id>a*a*a*a*a*a*c)', urlTemplate: 'https://e.org/{id}' };
    const content = `${'a'.repeat(5000)}! #1`;
    const result = render(content, [slow, issues]);
    expect(result.html).toBe(`<p>${'a'.repeat(5000)}! #1</p>`);
    expect(result.hasLink).toBe(false);
  });
});

describe('skipping texts a linkifier cannot match', () => {
  it('takes the literal beginning only where every match must start with it', () => {
    expect(literalPrefix('#(?<id>[0-9]+)', '')).toBe('#');
    expect(literalPrefix('PR-(?<id>\\d+)', '')).toBe('PR-');
    expect(literalPrefix('ab?c', '')).toBe('a');
    expect(literalPrefix('a*b', '')).toBeNull();
    expect(literalPrefix('T\\d+|#\\d+', '')).toBeNull();
    expect(literalPrefix('T(?:\\d|[|])+', '')).toBe('T');
    expect(literalPrefix('T\\d+', 'i')).toBeNull();
  });

  it('still links patterns with alternatives, classes or case-insensitivity', () => {
    const either: Linkifier = {
      pattern: 'PR(?P<id>[0-9]+)|#(?P<n>[0-9]+)',
      urlTemplate: 'https://e.org/{id}{n}',
    };
    expect(render('see #4', [either]).html).toBe(
      '<p>see <a href="https://e.org/4" target="_blank" rel="noopener noreferrer">#4</a></p>',
    );
    const loose: Linkifier = { pattern: /t(?<id>[0-9]+)/i, urlTemplate: 'https://e.org/{id}' };
    expect(render('see T4', [loose]).html).toBe(
      '<p>see <a href="https://e.org/4" target="_blank" rel="noopener noreferrer">T4</a></p>',
    );
  });
});

describe('renderTopicLinks', () => {
  it('follows a change of the linkifiers for a topic seen before', () => {
    expect(renderTopicLinks('fixes #9', [issues])).toEqual([
      { text: '#9', url: 'https://github.com/zulip/zulip/issues/9' },
    ]);
    const moved: Linkifier = { pattern: issues.pattern, urlTemplate: 'https://e.org/{id}' };
    expect(renderTopicLinks('fixes #9', [moved])).toEqual([{ text: '#9', url: 'https://e.org/9' }]);
    expect(renderTopicLinks('fixes #9', [])).toEqual([]);
  });

  it('returns linkifier matches and URLs in order of position', () => {
    expect(renderTopicLinks('https://example.com/x. fixes #123', [issues])).toEqual([
      { text: 'https://example.com/x', url: 'https://example.com/x' },
      { text: '#123', url: 'https://github.com/zulip/zulip/issues/123' },
    ]);
  });

  it('returns nothing for a plain topic', () => {
    expect(renderTopicLinks('weekly sync', [issues])).toEqual([]);
  });

  it('never returns an unsafe URL', () => {
    const bad: Linkifier = { pattern: '#(?<id>\\d+)', urlTemplate: 'javascript:alert({id})' };
    expect(renderTopicLinks('#1 javascript:alert(1)', [bad])).toEqual([]);
  });
});
