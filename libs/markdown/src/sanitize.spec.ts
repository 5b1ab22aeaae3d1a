import { renderUnsanitized } from './render';
import { purifyHtml, sanitizeHtml } from './sanitize';
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

describe('the sanitizer', () => {
  it.each(MESSAGES)('prints %j exactly as DOMPurify does', (source) => {
    const html = raw(source);
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
