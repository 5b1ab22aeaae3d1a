import { renderMarkdown } from './index';
import { testContext } from './test-context';
import type { RenderContext } from './types';

const html = (content: string, ctx: Partial<RenderContext> = {}) =>
  renderMarkdown(content, { ...testContext, ...ctx }).html;

describe('emphasis and code', () => {
  it('renders bold, italic and strikethrough', () => {
    expect(html('**bold**, *italic* and ~~gone~~')).toBe(
      '<p><strong>bold</strong>, <em>italic</em> and <del>gone</del></p>',
    );
  });

  it('leaves underscores alone, as Zulip does for snake_case', () => {
    expect(html('_not italic_ and snake_case_name')).toBe(
      '<p>_not italic_ and snake_case_name</p>',
    );
  });

  it('renders code spans without interpreting their content', () => {
    expect(html('run `rm -rf <dir> **now**`')).toBe(
      '<p>run <code>rm -rf &lt;dir&gt; **now**</code></p>',
    );
  });

  it('renders a fenced block with Zulip codehilite markup and the language name', () => {
    expect(html('```py\nprint("<hi>")\n```')).toBe(
      '<div class="codehilite" data-code-language="Python"><pre><span></span><code>print("&lt;hi&gt;")\n</code></pre></div>',
    );
  });

  it('renders a fenced block without a language and an indented block', () => {
    expect(html('```\nplain\n```')).toBe(
      '<div class="codehilite"><pre><span></span><code>plain\n</code></pre></div>',
    );
    expect(html('    indented')).toBe(
      '<div class="codehilite"><pre><span></span><code>indented\n</code></pre></div>',
    );
  });

  it('keeps an unknown language name as typed', () => {
    expect(html('```zig\nconst x = 1;\n```')).toContain('data-code-language="zig"');
  });
});

describe('paragraphs, quotes, spoilers, lists', () => {
  it('turns single newlines into line breaks', () => {
    expect(html('one\ntwo\n\nthree')).toBe('<p>one<br>\ntwo</p>\n<p>three</p>');
  });

  it('renders > quotes and ```quote blocks the same way', () => {
    expect(html('> quoted *text*')).toBe(
      '<blockquote>\n<p>quoted <em>text</em></p>\n</blockquote>',
    );
    expect(html('```quote\nquoted *text*\n```')).toBe(
      '<blockquote>\n<p>quoted <em>text</em></p>\n</blockquote>',
    );
  });

  it('keeps a code block nested inside a ```quote block', () => {
    expect(html('```quote\nsee:\n```js\nx()\n```\n```\nafter')).toBe(
      '<blockquote>\n<p>see:</p>\n' +
        '<div class="codehilite" data-code-language="JavaScript"><pre><span></span><code>x()\n</code></pre></div>\n' +
        '</blockquote>\n<p>after</p>',
    );
  });

  it('renders a spoiler with its header', () => {
    expect(html('```spoiler The *ending*\nThey win.\n```')).toBe(
      '<div class="spoiler-block"><div class="spoiler-header">\n<p>The <em>ending</em></p>\n' +
        '</div><div class="spoiler-content" aria-hidden="true">\n<p>They win.</p>\n</div></div>',
    );
  });

  it('renders a spoiler without a header', () => {
    expect(html('```spoiler\nsecret\n```')).toBe(
      '<div class="spoiler-block"><div class="spoiler-header">\n' +
        '</div><div class="spoiler-content" aria-hidden="true">\n<p>secret</p>\n</div></div>',
    );
  });

  it('renders bulleted, nested and numbered lists', () => {
    expect(html('* one\n* two\n  * nested')).toBe(
      '<ul>\n<li>one</li>\n<li>two<ul>\n<li>nested</li>\n</ul>\n</li>\n</ul>',
    );
    expect(html('3. three\n4. four')).toBe('<ol start="3">\n<li>three</li>\n<li>four</li>\n</ol>');
  });

  it('shows headings, rules and task boxes as typed, since Zulip has none of them', () => {
    expect(html('# Title\n---\n- [ ] task')).toBe(
      '<p># Title<br>\n---</p>\n<ul>\n<li>[ ] task</li>\n</ul>',
    );
  });

  it('renders tables', () => {
    expect(html('| a | b |\n|---|--:|\n| 1 | 2 |')).toBe(
      '<table>\n<thead>\n<tr>\n<th>a</th>\n<th align="right">b</th>\n</tr>\n</thead>\n' +
        '<tbody><tr>\n<td>1</td>\n<td align="right">2</td>\n</tr>\n</tbody></table>',
    );
  });
});

describe('raw HTML', () => {
  it('shows HTML in the source as text', () => {
    expect(html('<b onclick="x()">hi</b>\n\n<div>block</div>')).toBe(
      '<p>&lt;b onclick="x()"&gt;hi&lt;/b&gt;</p>\n<p>&lt;div&gt;block&lt;/div&gt;</p>',
    );
  });
});

describe('links', () => {
  it('autolinks bare URLs to open in a new tab', () => {
    expect(html('see https://example.com/a?b=1&c=2.')).toBe(
      '<p>see <a href="https://example.com/a?b=1&amp;c=2" target="_blank" rel="noopener noreferrer">' +
        'https://example.com/a?b=1&amp;c=2</a>.</p>',
    );
  });

  it('renders named links and adds http:// to scheme-less ones', () => {
    expect(html('[Zulip](zulip.com) and [home](https://zulip.com "Home")')).toBe(
      '<p><a href="http://zulip.com" target="_blank" rel="noopener noreferrer">Zulip</a> and ' +
        '<a href="https://zulip.com" target="_blank" rel="noopener noreferrer" title="Home">home</a></p>',
    );
  });

  it('keeps realm-relative links in the same tab', () => {
    expect(html('[narrow](#narrow/channel/3-general) [file](/user_uploads/2/ab/report.pdf)')).toBe(
      '<p><a href="#narrow/channel/3-general">narrow</a> <a href="/user_uploads/2/ab/report.pdf">file</a></p>',
    );
  });

  it('shows the URL of a link with empty text', () => {
    expect(html('[](https://example.com)')).toBe(
      '<p><a href="https://example.com" target="_blank" rel="noopener noreferrer">https://example.com</a></p>',
    );
  });

  it('renders a link with a forbidden scheme as its text only', () => {
    expect(html('[click](javascript:alert(1)) [x](data:text/html,hi)')).toBe('<p>click x</p>');
  });

  it('renders markdown images as links, never as raw <img>', () => {
    expect(html('![a cat](https://example.com/cat.txt)')).toBe(
      '<p><a href="https://example.com/cat.txt" target="_blank" rel="noopener noreferrer">a cat</a></p>',
    );
  });
});

describe('inline image previews', () => {
  it('adds a preview after the paragraph when the realm allows it', () => {
    expect(html('look https://example.com/cat.png')).toBe(
      '<p>look <a href="https://example.com/cat.png" target="_blank" rel="noopener noreferrer">' +
        'https://example.com/cat.png</a></p>\n' +
        '<div class="message_inline_image"><a href="https://example.com/cat.png">' +
        '<img src="https://example.com/cat.png"></a></div>',
    );
  });

  it('adds no preview when the realm turns previews off', () => {
    expect(html('https://example.com/cat.JPEG', { inlineImagePreview: false })).not.toContain(
      '<img',
    );
  });

  it('previews image uploads and markdown images', () => {
    expect(html('![pic](/user_uploads/2/ab/pic.webp)')).toBe(
      '<p><a href="/user_uploads/2/ab/pic.webp">pic</a></p>\n' +
        '<div class="message_inline_image"><a href="/user_uploads/2/ab/pic.webp">' +
        '<img src="/user_uploads/2/ab/pic.webp"></a></div>',
    );
  });

  it('places a preview inside the list item that links it', () => {
    expect(html('- https://e.org/a.gif')).toBe(
      '<ul>\n<li><a href="https://e.org/a.gif" target="_blank" rel="noopener noreferrer">https://e.org/a.gif</a>' +
        '<div class="message_inline_image"><a href="https://e.org/a.gif"><img src="https://e.org/a.gif"></a></div>\n' +
        '</li>\n</ul>',
    );
  });
});

describe('emoji', () => {
  it("renders :name: as Zulip emoji spans with Zulip's code point", () => {
    expect(html(':smile: :+1:')).toBe(
      '<p><span aria-label="smile" class="emoji emoji-1f642" role="img" title="smile">:smile:</span> ' +
        '<span aria-label="+1" class="emoji emoji-1f44d" role="img" title="+1">:+1:</span></p>',
    );
  });

  it("accepts Zulip's aliases as written", () => {
    expect(html(':thumbs_up: :working_on_it: :octopus:')).toBe(
      '<p><span aria-label="thumbs up" class="emoji emoji-1f44d" role="img" title="thumbs up">:thumbs_up:</span> ' +
        '<span aria-label="working on it" class="emoji emoji-1f6e0" role="img" title="working on it">:working_on_it:</span> ' +
        '<span aria-label="octopus" class="emoji emoji-1f419" role="img" title="octopus">:octopus:</span></p>',
    );
  });

  it('uses spaces for underscores in the title', () => {
    expect(html(':heart_eyes:')).toContain('title="heart eyes"');
  });

  it('renders realm emoji as images, and ignores deactivated ones', () => {
    expect(html(':green_tick: :old_logo:')).toBe(
      '<p><img alt=":green_tick:" class="emoji" src="/user_avatars/2/emoji/images/1.png" title="green tick"> :old_logo:</p>',
    );
  });

  it('keeps unknown names and unicode emoji as typed', () => {
    expect(html(':no_such_emoji: 😄 12:30:45')).toBe('<p>:no_such_emoji: 😄 12:30:45</p>');
  });
});

describe('stream links', () => {
  it('links #**stream** to its narrow', () => {
    expect(html('#**general chat**')).toBe(
      '<p><a class="stream" data-stream-id="3" href="/#narrow/channel/3-general-chat">#general chat</a></p>',
    );
  });

  it('links #**stream>topic** with Zulip hash encoding of the topic', () => {
    expect(html('#**design>new logo.v2**')).toBe(
      '<p><a class="stream-topic" data-stream-id="9" href="/#narrow/channel/9-design/topic/new.20logo.2Ev2">' +
        '#design &gt; new logo.v2</a></p>',
    );
  });

  it('leaves an unknown stream as ordinary markdown', () => {
    expect(html('#**nowhere**')).toBe('<p>#<strong>nowhere</strong></p>');
  });
});

describe('/me', () => {
  it('flags a one-line /me message and keeps its text', () => {
    const result = renderMarkdown('/me waves', testContext);
    expect(result.isMeMessage).toBe(true);
    expect(result.html).toBe('<p>/me waves</p>');
  });

  it('does not flag /me elsewhere or on several lines', () => {
    expect(renderMarkdown('hi /me waves', testContext).isMeMessage).toBe(false);
    expect(renderMarkdown('/me waves\nagain', testContext).isMeMessage).toBe(false);
    expect(renderMarkdown('/meh', testContext).isMeMessage).toBe(false);
  });
});

describe('message facts', () => {
  it('reports links, images and attachments', () => {
    const plain = renderMarkdown('just text', testContext);
    expect([plain.hasLink, plain.hasImage, plain.hasAttachment]).toEqual([false, false, false]);
    const link = renderMarkdown('https://example.com', testContext);
    expect([link.hasLink, link.hasImage, link.hasAttachment]).toEqual([true, false, false]);
    const image = renderMarkdown('https://example.com/x.png', {
      ...testContext,
      inlineImagePreview: false,
    });
    expect([image.hasLink, image.hasImage, image.hasAttachment]).toEqual([true, true, false]);
    const upload = renderMarkdown(
      '[r](https://chat.example.com/user_uploads/2/ab/r.pdf)',
      testContext,
    );
    expect([upload.hasLink, upload.hasImage, upload.hasAttachment]).toEqual([true, false, true]);
  });

  it('lists the path ids of the uploads a message links to, once each', () => {
    const result = renderMarkdown(
      '[r](https://chat.example.com/user_uploads/2/ab/r%20x.pdf) /user_uploads/2/cd/p.png ' +
        '[again](/user_uploads/2/ab/r%20x.pdf) https://evil.example/user_uploads/1/x.pdf',
      testContext,
    );
    expect(result.uploadPathIds).toEqual(['2/ab/r x.pdf']);
    const relative = renderMarkdown('[p](/user_uploads/2/cd/p.png)', testContext);
    expect(relative.uploadPathIds).toEqual(['2/cd/p.png']);
  });

  it("does not count a link to another server's /user_uploads/ as an attachment", () => {
    expect(
      renderMarkdown('https://evil.example/user_uploads/1/x.pdf', testContext).hasAttachment,
    ).toBe(false);
  });

  it('reports matched alert words, whole words only, case-insensitively', () => {
    const result = renderMarkdown('The DEPLOY failed; redeploy later. `outage` in code', {
      ...testContext,
      alertWords: ['deploy', 'failed', 'outage', 'missing'],
    });
    expect(result.alertWordsMatched.sort()).toEqual(['deploy', 'failed']);
  });

  it('truncates input beyond the size limit and says so', () => {
    const result = renderMarkdown('a'.repeat(30_000), testContext);
    expect(result.truncated).toBe(true);
    expect(result.html.length).toBeLessThan(20_100);
    expect(renderMarkdown('short', testContext).truncated).toBe(false);
  });
});
