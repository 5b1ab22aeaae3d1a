import { renderMarkdown } from './index';
import { testContext } from './test-context';

const render = (content: string) => renderMarkdown(content, testContext);

describe('user mentions', () => {
  it('mentions a user by full name, case-insensitively, with their real name shown', () => {
    const result = render('hi @**ada lovelace**');
    expect(result.html).toBe(
      '<p>hi <span class="user-mention" data-user-id="5">@Ada Lovelace</span></p>',
    );
    expect(result.mentionedUserIds).toEqual([5]);
    expect(result.silentMentionedUserIds).toEqual([]);
  });

  it('mentions by name and id, which disambiguates users with the same name', () => {
    const result = render('@**Sam|8** and @**|6**');
    expect(result.html).toBe(
      '<p><span class="user-mention" data-user-id="8">@Sam</span> and ' +
        '<span class="user-mention" data-user-id="6">@Alan Turing</span></p>',
    );
    expect(result.mentionedUserIds).toEqual([8, 6]);
  });

  it('does not mention anyone for an ambiguous name, an unknown user or a wrong id', () => {
    const result = render('@**Sam** @**Nobody** @**Ada Lovelace|6** @**Ada|999**');
    expect(result.mentionedUserIds).toEqual([]);
    expect(result.html).toBe(
      '<p>@<strong>Sam</strong> @<strong>Nobody</strong> @<strong>Ada Lovelace|6</strong> @<strong>Ada|999</strong></p>',
    );
  });

  it('renders silent mentions without the @ and without mentioning', () => {
    const result = render('thanks @_**Alan Turing**');
    expect(result.html).toBe(
      '<p>thanks <span class="user-mention silent" data-user-id="6">Alan Turing</span></p>',
    );
    expect(result.mentionedUserIds).toEqual([]);
    expect(result.silentMentionedUserIds).toEqual([6]);
  });

  it('counts a user mentioned both ways as mentioned', () => {
    const result = render('@_**Alan Turing** @**Alan Turing**');
    expect(result.mentionedUserIds).toEqual([6]);
    expect(result.silentMentionedUserIds).toEqual([]);
  });

  it('ignores mentions inside code spans and code blocks', () => {
    const result = render('`@**Ada Lovelace**`\n\n```\n@**Alan Turing** @**all**\n```');
    expect(result.mentionedUserIds).toEqual([]);
    expect(result.wildcardMention).toBeNull();
    expect(result.html).toContain('<code>@**Ada Lovelace**</code>');
  });

  it('escapes a name containing HTML', () => {
    const result = renderMarkdown('@**<b>x</b>**', {
      ...testContext,
      users: [{ id: 11, fullName: '<b>x</b>' }],
    });
    expect(result.html).toBe(
      '<p><span class="user-mention" data-user-id="11">@&lt;b&gt;x&lt;/b&gt;</span></p>',
    );
  });
});

describe('wildcard mentions', () => {
  it.each(['all', 'everyone', 'stream', 'channel'] as const)(
    '@**%s** is a stream-wide wildcard',
    (name) => {
      const result = render(`@**${name}** meeting`);
      expect(result.html).toBe(
        `<p><span class="user-mention" data-user-id="*">@${name}</span> meeting</p>`,
      );
      expect(result.wildcardMention).toBe(name);
      expect(result.streamWildcardMentioned).toBe(true);
      expect(result.topicWildcardMentioned).toBe(false);
      expect(result.mentionedUserIds).toEqual([]);
    },
  );

  it('@**topic** is a topic wildcard', () => {
    const result = render('@**topic** heads up');
    expect(result.html).toBe('<p><span class="topic-mention">@topic</span> heads up</p>');
    expect(result.wildcardMention).toBe('topic');
    expect(result.topicWildcardMentioned).toBe(true);
    expect(result.streamWildcardMentioned).toBe(false);
  });

  it('reports the first wildcard and both kinds when both are used', () => {
    const result = render('@**topic** and @**everyone**');
    expect(result.wildcardMention).toBe('topic');
    expect(result.topicWildcardMentioned).toBe(true);
    expect(result.streamWildcardMentioned).toBe(true);
  });

  it('silent wildcards notify nobody', () => {
    const result = render('@_**all** @_**topic**');
    expect(result.html).toBe(
      '<p><span class="user-mention silent" data-user-id="*">all</span> <span class="topic-mention silent">topic</span></p>',
    );
    expect(result.wildcardMention).toBeNull();
    expect(result.streamWildcardMentioned).toBe(false);
    expect(result.topicWildcardMentioned).toBe(false);
  });
});

describe('user group mentions', () => {
  it('mentions a group by name', () => {
    const result = render('ping @*Backend*');
    expect(result.html).toBe(
      '<p>ping <span class="user-group-mention" data-user-group-id="3">@backend</span></p>',
    );
    expect(result.mentionedGroupIds).toEqual([3]);
  });

  it('silent group mentions do not mention the group', () => {
    const result = render('@_*backend*');
    expect(result.html).toBe(
      '<p><span class="user-group-mention silent" data-user-group-id="3">backend</span></p>',
    );
    expect(result.mentionedGroupIds).toEqual([]);
  });

  it('an unknown group stays ordinary emphasis', () => {
    const result = render('@*frontend*');
    expect(result.html).toBe('<p>@<em>frontend</em></p>');
    expect(result.mentionedGroupIds).toEqual([]);
  });
});
