import { NO_OPTIONS } from './email-address';
import {
  convertEmail,
  EMPTY_BODY,
  messageContent,
  removeFooter,
  parseEmail,
  removeQuotes,
  topicFromSubject,
} from './email-message';
import { htmlToMarkdown } from './html-to-markdown';

const crlf = (lines: string[]) => lines.join('\r\n');

const MULTIPART = crlf([
  'From: Alice Example <alice@example.org>',
  'To: dev.0123456789abcdef0123456789abcdef@streams.example.com',
  'Subject: Re: Fwd: Build report',
  'MIME-Version: 1.0',
  'Content-Type: multipart/mixed; boundary="outer"',
  '',
  '--outer',
  'Content-Type: multipart/alternative; boundary="alt"',
  '',
  '--alt',
  'Content-Type: text/plain; charset=utf-8',
  'Content-Transfer-Encoding: quoted-printable',
  '',
  'The build is gr=C3=BCn again.',
  '',
  'On Mon, 1 Dec 2025, Bob wrote:',
  '> Is it red?',
  '> Still red.',
  '',
  '--',
  'Alice, release manager',
  '--alt',
  'Content-Type: text/html; charset=utf-8',
  '',
  '<html><head><style>p{color:red}</style></head><body><p>The build is <b>green</b> again, see <a href="https://ci.example.org/42">the run</a>.</p><script>alert(1)</script><ul><li>one</li><li>two</li></ul></body></html>',
  '--alt--',
  '--outer',
  'Content-Type: text/plain; name="report.txt"',
  'Content-Disposition: attachment; filename="report.txt"',
  'Content-Transfer-Encoding: base64',
  '',
  Buffer.from('all 42 tests passed\n').toString('base64'),
  '--outer--',
  '',
]);

describe('email conversion', () => {
  it('makes the topic from the subject without reply and forward markers', () => {
    expect(topicFromSubject('Re: Fwd: Build report')).toBe('Build report');
    expect(topicFromSubject('AW: [Re] Status\tupdate')).toBe('Status update');
    expect(topicFromSubject(undefined)).toBe('(no topic)');
    expect(topicFromSubject('  RE:  ')).toBe('(no topic)');
    expect(topicFromSubject('x'.repeat(80))).toBe(`${'x'.repeat(57)}...`);
  });

  it('takes the plain text without quotes and signature, and lists the attachment', async () => {
    const converted = convertEmail(await parseEmail(Buffer.from(MULTIPART)), NO_OPTIONS);
    expect(converted.topic).toBe('Build report');
    expect(converted.body).toBe('The build is grün again.');
    expect(converted.attachments).toEqual([
      {
        fileName: 'report.txt',
        contentType: 'text/plain',
        content: Buffer.from('all 42 tests passed\n'),
      },
    ]);
  });

  it('keeps quotes and footer, shows the sender, or prefers the HTML, as the address asks', async () => {
    const mail = await parseEmail(Buffer.from(MULTIPART));
    const all = convertEmail(mail, {
      showSender: true,
      includeQuotes: true,
      includeFooter: true,
      preferHtml: false,
    });
    expect(all.body).toBe(
      [
        'From: Alice Example <alice@example.org>',
        'The build is grün again.',
        '',
        'On Mon, 1 Dec 2025, Bob wrote:',
        '> Is it red?',
        '> Still red.',
        '',
        '--',
        'Alice, release manager',
      ].join('\n'),
    );
    expect(convertEmail(mail, { ...NO_OPTIONS, preferHtml: true }).body).toBe(
      'The build is **green** again, see [the run](https://ci.example.org/42).\n\n- one\n- two',
    );
  });

  it('converts an HTML-only email, and gives an empty one a body', async () => {
    const html = await parseEmail(
      Buffer.from(
        crlf([
          'Subject: hi',
          'Content-Type: text/html',
          '',
          '<div>Hello<br>world &amp; <i>all</i></div>',
        ]),
      ),
    );
    expect(convertEmail(html, NO_OPTIONS).body).toBe('Hello\nworld & *all*');
    const empty = await parseEmail(Buffer.from(crlf(['Subject: nothing', '', ''])));
    expect(convertEmail(empty, NO_OPTIONS)).toEqual({
      topic: 'nothing',
      body: EMPTY_BODY,
      attachments: [],
    });
  });

  it('leaves text alone when there is no clear quote or footer', () => {
    expect(removeQuotes('a\nSomeone wrote:\nb')).toBe('a\nSomeone wrote:\nb');
    expect(removeFooter('a\n--\nb\n--\nc')).toBe('a\n--\nb\n--\nc');
    expect(removeFooter('a\n-- \nsig')).toBe('a');
  });

  it('escapes Markdown in HTML text and drops links that are not web or mail links', () => {
    expect(htmlToMarkdown('<p>*not bold* <a href="javascript:alert(1)">x</a></p>')).toBe(
      '\\*not bold\\* x',
    );
  });

  it('keeps headings, numbered and nested lists, quotes and code blocks of an HTML email', () => {
    expect(
      htmlToMarkdown(
        '<h2>Release</h2><ol><li>build</li><li>ship<ul><li>web</li></ul></li></ol>' +
          '<blockquote><p>looks good</p></blockquote><pre><code>npm test\n</code></pre>' +
          '<p><img src="x.png" alt="chart"> <a href="https://a.example/x">https://a.example/x</a></p>',
      ),
    ).toBe(
      '## Release\n\n1. build\n2. ship\n   - web\n\n> looks good\n\n```\nnpm test\n```\n\n' +
        'chart [https://a.example/x](https://a.example/x)',
    );
  });

  it('appends the upload links, cutting the body so they always fit', () => {
    expect(messageContent('body', [{ name: 'a b.txt', url: '/user_uploads/1/ab/a_b.txt' }])).toBe(
      'body\n\n[a b.txt](/user_uploads/1/ab/a_b.txt)',
    );
    const long = messageContent('x'.repeat(20_000), [{ name: 'f', url: '/u/f' }]);
    expect(long.length).toBeLessThanOrEqual(10_000);
    expect(long).toMatch(/\[message truncated\]\n\n\[f\]\(\/u\/f\)$/);
  });
});
