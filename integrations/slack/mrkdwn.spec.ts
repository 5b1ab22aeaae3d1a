import { mrkdwnToMarkdown } from './mrkdwn';

describe('Slack mrkdwn to Zulip Markdown', () => {
  it.each([
    ['*bold* _italic_ ~struck~', '**bold** *italic* ~~struck~~'],
    ['*several words in bold*, then more', '**several words in bold**, then more'],
    ['see <https://x.org/a_b|the _docs_> now', 'see [the *docs*](https://x.org/a_b) now'],
    ['<https://x.org/a_b_c_d>', 'https://x.org/a_b_c_d'],
    ['<mailto:ada@example.org|mail Ada>', '[mail Ada](mailto:ada@example.org)'],
    ['<@U024BE7LH> and <@U1|ada>', '@U024BE7LH and @ada'],
    ['<#C024BE7LR|ops> and <#C1>', '#ops and #C1'],
    ['<!here> <!channel> <!everyone>', '@**all** @**all** @**all**'],
    ['<!subteam^S123|@devs>', '@devs'],
    ['&lt;b&gt; &amp; co', '<b> & co'],
    ['*Use the `/task` command*. Then', '**Use the `/task` command**. Then'],
    ['*foo* *bar*', '**foo** **bar**'],
  ])('%j → %j', (input, expected) => {
    expect(mrkdwnToMarkdown(input)).toBe(expected);
  });

  it.each([
    'snake_case_name',
    '2*3*4 = 24',
    'a * b * c',
    'a ~ b ~ c',
    'path/to_file_ here',
    '<not a link>',
    '*foo*a*bar*',
  ])('leaves %j alone', (text) => {
    expect(mrkdwnToMarkdown(text)).toBe(text);
  });

  it('leaves code spans and blocks verbatim, except for HTML escapes', () => {
    expect(mrkdwnToMarkdown('run `*not bold*` or\n```\n_x_ &lt;y&gt;\n```')).toBe(
      'run `*not bold*` or\n```\n_x_ <y>\n```',
    );
  });
});
