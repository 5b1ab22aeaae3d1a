import { renderUnsanitized } from './render';
import { purifyHtml, sanitizeHtml, skipsDomParse } from './sanitize';
import { RenderSession } from './session';
import { testContext } from './test-context';
import type { RenderContext } from './types';
import { xssCorpus } from './xss-corpus';

const raw = (source: string, context: Partial<RenderContext> = {}) =>
  renderUnsanitized(source, new RenderSession({ ...testContext, ...context }));

/** Everyday messages: most take the fast path, the rest must come out the same either way. */
const MESSAGES = [
  'hello',
  'Benchmark message number 7, with a little **Markdown** in it.',
  'it\'s "quoted" & <b>not bold</b> > less',
  '*em* ~~del~~ `code` and **strong *nested em***',
  'line one\nline two\n\nnew paragraph',
  '> quoted\n> more\n\nafter',
  '* one\n* two\n  * nested\n\n1. first\n2. second',
  'non\u00a0breaking space',
  '&amp; &#123; &nbsp; &copy; entities typed by the user',
  '```\ncode block\n  indented\n```',
  '```quote\ninner **bold**\n```',
  '```spoiler header\nhidden\n```',
  '| a | b |\n|---|---|\n| 1 | 2 |',
  'see https://example.com and [docs](https://example.com/docs)',
  '@**Ada Lovelace** and @*backend* in #**general chat**',
  ':green_tick: :smile: #123',
  '/me waves',
  '',
  '   ',
  'carriage\r\nreturn and nul \0 here',
  '<script>alert(1)</script>',
];

/** Messages with links, mentions, emoji and previews: the renderer's output skips the parse. */
const RICH_MESSAGES = [
  'see https://example.com/a?b=1&c=2 and [docs](https://example.com/docs)',
  '@**Ada Lovelace** and @*backend* in #**general chat**',
  ':green_tick: :smile: #123 :thumbs_up:',
  'Deploy 5 https://example.com/x.png',
  '[notes.txt](/user_uploads/2/ab/notes.txt)',
  '* see [the doc](https://example.com/doc/1) :tada:\n* and **@**Ada Lovelace****',
  '> quoting https://example.com\n\n1. one\n2. [two](mailto:a@example.com)',
  'it\'s "quoted" a&b https://example.com/?q=1&r=2',
  'Repro:\n```python\nfor i in range(10):\n    print(i < 5 and "x" & y)\n```\nthen `make test` fails :confused:',
  '```\n\nstarts with a blank line\n```',
  '* item\n\n  ```\n  code in a list\n  ```',
];

/** Markup the fast path must leave to DOMPurify: the parser would change it, or it is unsafe. */
const PARSED_MARKUP = [
  '<p><div>block in a paragraph</div></p>',
  '<p><a href="https://a"><a href="https://b">x</a></a></p>',
  '<p><strong><em>x</strong></em></p>',
  '<ul>text<p>x</p></ul>',
  '<li>stray item</li>',
  '<p><span>open',
  '<p>closed</p></p>',
  '<p><a href="javascript:alert(1)">x</a></p>',
  '<p><a href="https://a" onclick="alert(1)">x</a></p>',
  '<p><a href="https://a" href="javascript:alert(1)">x</a></p>',
  '<p><a title=\'x\' href="https://a">x</a></p>',
  '<p><a title="&#39;x">x</a></p>',
  '<p><a href=" javascript:alert(1)">x</a></p>',
  '<p><img src="https://a/x.png" alt="a\tb"></p>',
  '<p><img src="data:image/png;base64,AAAA"></p>',
  '<p><span style="color:red">x</span></p>',
  '<p><SPAN>x</SPAN></p>',
  '<pre>\ncode</pre>',
  '<div><pre>\n\ncode</pre></div>',
  '<p><pre>x</pre></p>',
  '<p><code><pre>x</pre></code></p>',
  '<table><tr><td>x</td></tr></table>',
  '<p><svg><a href="https://a">x</a></svg></p>',
];

describe('the sanitizer', () => {
  it.each(MESSAGES)('prints %j exactly as DOMPurify does', (source) => {
    const html = raw(source);
    expect(sanitizeHtml(html)).toBe(purifyHtml(html));
  });

  it.each(RICH_MESSAGES)('prints %j without a DOM parse, exactly as DOMPurify does', (source) => {
    const html = raw(source);
    expect(skipsDomParse(html)).toBe(true);
    expect(sanitizeHtml(html)).toBe(purifyHtml(html));
  });

  it.each(PARSED_MARKUP)('leaves %j to DOMPurify', (html) => {
    expect(skipsDomParse(html)).toBe(false);
    expect(sanitizeHtml(html)).toBe(purifyHtml(html));
  });

  it('keeps inert markup as it is and cleans attributes, images and raw angle brackets', () => {
    const fast = (html: string) => sanitizeHtml(html) === html.replace(/&quot;/g, '"');
    expect(fast(raw('Benchmark message number 7, with a little **Markdown** in it.'))).toBe(true);
    expect(fast('<p>a &quot;b&quot;</p>')).toBe(true);
    // Attributes, links, images and raw angle brackets always go through DOMPurify.
    expect(sanitizeHtml('<p title="x">a</p>')).toBe('<p title="x">a</p>');
    expect(sanitizeHtml('<p>a</p><img src=x onerror=alert(1)>')).toBe('<p>a</p><img>');
    expect(sanitizeHtml('<p>a</p><script>alert(1)</script>')).toBe('<p>a</p>');
    expect(sanitizeHtml('<p>1 < 2</p>')).toBe('<p>1 &lt; 2</p>');
  });

  it.each(xssCorpus.map((v) => [v.name, v.content, v.context] as const))(
    'renders the XSS vector %s the same on both paths',
    (_name, source, context) => {
      const html = raw(source, context);
      expect(sanitizeHtml(html)).toBe(purifyHtml(html));
    },
  );
});
