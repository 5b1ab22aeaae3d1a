import { htmlToMarkdown } from './html';

describe('HTML from payloads, as Markdown', () => {
  it('keeps paragraphs and line breaks, and drops empty blocks', () => {
    expect(
      htmlToMarkdown('<div>One\n line.</div>\n<div><br></div><div></div><p>Two<br>three</p>'),
    ).toBe('One line.\n\nTwo\nthree');
  });

  it('writes links, images (named after their file), emphasis and code', () => {
    expect(
      htmlToMarkdown(
        '<p>See <a href="https://x.org/a?b=1&amp;c=2">the docs</a>, <b>now</b> <i>please</i>: <code>npm test</code></p><img src="https://cdn.x/guinea_pig.png?13">',
      ),
    ).toBe(
      'See [the docs](https://x.org/a?b=1&c=2), **now** *please*: `npm test`\n\n[guinea_pig.png](https://cdn.x/guinea_pig.png?13)',
    );
  });

  it('turns list items into bullets and decodes entities', () => {
    expect(htmlToMarkdown('<ul><li>a &lt; b</li><li>caf&#233; &amp; &#x2603;</li></ul>')).toBe(
      '* a < b\n* café & ☃',
    );
  });

  it('drops scripts, styles, comments and unknown tags', () => {
    expect(
      htmlToMarkdown('<style>p{}</style><!-- x --><span class="a">Hi</span><script>1</script>'),
    ).toBe('Hi');
  });
});
