import { renderMarkdown } from './index';
import { MAX_BLOCK_NESTING, MAX_INLINE_SPANS, MAX_INPUT_CHARS } from './limits';
import { testContext } from './test-context';

const render = (content: string) => renderMarkdown(content, testContext);
const count = (html: string, fragment: string) => html.split(fragment).length - 1;

describe('rendering hostile input stays bounded', () => {
  it('caps blockquote nesting and shows deeper markers as text', () => {
    const { html } = render(`${'>'.repeat(10_000)} deep`);
    expect(count(html, '<blockquote>')).toBe(MAX_BLOCK_NESTING);
    expect(html).toContain('&gt;&gt;&gt;');
    expect(html).toContain('deep');
    expect(html.length).toBeLessThan(60_000);
  });

  it('caps list nesting', () => {
    const content = Array.from({ length: 90 }, (_, i) => `${'  '.repeat(i)}- item ${i}`).join('\n');
    const { html } = render(content);
    expect(count(html, '<ul>')).toBeLessThanOrEqual(MAX_BLOCK_NESTING);
    expect(html).toContain('item 89');
  });

  it('caps nesting of ```quote and spoiler blocks', () => {
    const { html } = render('```quote\n'.repeat(1_000) + 'core');
    expect(count(html, '<blockquote>')).toBeLessThanOrEqual(MAX_BLOCK_NESTING);
    expect(html).toContain('core');
  });

  it.each([
    ['*', '*'.repeat(10_000)],
    ['_', '_'.repeat(10_000)],
    ['*_', '*_'.repeat(5_000)],
    ['**a ', '**a '.repeat(2_500)],
    ['~~', '~~'.repeat(5_000)],
    ['`', '`a'.repeat(5_000)],
  ])(
    'renders 10,000 characters of %s markers with a bounded number of elements',
    (_marker, content) => {
      const { html } = render(content);
      const spans =
        count(html, '<em>') +
        count(html, '<strong>') +
        count(html, '<del>') +
        count(html, '<code>');
      expect(spans).toBeLessThanOrEqual(MAX_INLINE_SPANS);
      expect(html.length).toBeLessThan(content.length * 10);
    },
  );

  it('caps inline nesting of emphasis', () => {
    const content = `${'*~~'.repeat(2_000)}x${'~~*'.repeat(2_000)}`;
    const { html } = render(content);
    expect(html).toContain('x');
    expect(count(html, '<em>') + count(html, '<del>')).toBeLessThanOrEqual(MAX_INLINE_SPANS);
  });

  it('renders 10,000 opening brackets as text', () => {
    const { html } = render(`${'['.repeat(10_000)}x${'](https://e.org)'.repeat(100)}`);
    expect(html).toContain('x');
    expect(count(html, '<a ')).toBeLessThanOrEqual(100);
  });

  it('survives a catastrophic linkifier on a long line', () => {
    const { html } = renderMarkdown(`${'a'.repeat(10_000)}!`, {
      ...testContext,
      linkifiers: [{ pattern: '(?<x>a*a*a*a*a*a*a*b)', urlTemplate: 'https://e.org/{x}' }],
    });
    expect(html).toBe(`<p>${'a'.repeat(10_000)}!</p>`);
  });

  it('renders only the first MAX_INPUT_CHARS of a huge input', () => {
    const result = render('word '.repeat(200_000));
    expect(result.truncated).toBe(true);
    expect(result.html.length).toBeLessThanOrEqual(MAX_INPUT_CHARS + 10);
  });

  it('caps many line breaks', () => {
    const { html } = render('a\n'.repeat(5_000));
    expect(count(html, '<br>')).toBeLessThanOrEqual(MAX_INLINE_SPANS);
  });
});
