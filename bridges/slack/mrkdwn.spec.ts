import { markdownToSlack, slackToMarkdown } from './mrkdwn';

const names = { user: (id: string) => (id === 'U1' ? 'Alice' : undefined) };

describe('Slack mrkdwn', () => {
  it('turns mentions, links, escapes and emphasis into Markdown', () => {
    expect(
      slackToMarkdown(
        '<@U1> see <https://x.example/a?b=1&amp;c=2|the doc> &lt;now&gt; *ok*',
        names,
      ),
    ).toBe('@Alice see [the doc](https://x.example/a?b=1&c=2) <now> **ok**');
    expect(slackToMarkdown('<#C1|general> <!here> <https://x.example>', names)).toBe(
      '#general @here https://x.example',
    );
  });

  it('turns Markdown into Slack markup and escapes what Slack treats specially', () => {
    expect(markdownToSlack('**bold** ~~gone~~ [site](https://x.example) a<b & c')).toBe(
      '*bold* ~gone~ <https://x.example|site> a&lt;b &amp; c',
    );
  });
});
