import { itemMessage, pushMessage, tagMessage, type PushedCommit } from './git-messages';

function commits(...authors: string[]): PushedCommit[] {
  return authors.map((author, i) => ({
    author,
    sha: `${i}abcdef0123456789`,
    message: `Change ${i}\n\nbody`,
    url: `https://git.example.org/c/${i}`,
  }));
}

describe('git message conventions', () => {
  it('names committers only when someone other than the pusher wrote a commit', () => {
    const own = pushMessage({
      user: 'Ann',
      compareUrl: null,
      branch: 'main',
      commits: commits('Ann'),
    });
    expect(own).toBe(
      'Ann pushed 1 commit to branch main.\n\n* Change 0 ([0abcdef](https://git.example.org/c/0))',
    );
    const shared = pushMessage({
      user: 'Ann',
      compareUrl: 'https://git.example.org/compare/a...b',
      branch: 'main',
      commits: commits('Ann', 'Bob'),
      forced: true,
    });
    expect(shared).toBe(
      'Ann [force pushed](https://git.example.org/compare/a...b) 2 commits to branch main. Commits by Ann (1) and Bob (1).\n\n' +
        '* Change 0 ([0abcdef](https://git.example.org/c/0))\n* Change 1 ([1abcdef](https://git.example.org/c/1))',
    );
  });

  it('reports a deleted branch pushed without commits', () => {
    expect(
      pushMessage({
        user: 'Ann',
        compareUrl: 'https://g/c',
        branch: 'old',
        commits: [],
        deleted: true,
      }),
    ).toBe('Ann [deleted](https://g/c) the branch old.');
  });

  it('ends a tag message with a period unless the tag ends in punctuation', () => {
    expect(tagMessage('Ann', 'v1', 'pushed', 'https://g/t/v1')).toBe(
      'Ann pushed tag [v1](https://g/t/v1).',
    );
    expect(tagMessage('Ann', 'v1!', 'removed')).toBe('Ann removed tag v1!');
  });

  it('puts a title in the link and leaves punctuation to a title that has its own', () => {
    const base = { user: 'Ann', action: 'closed', type: 'MR', number: 4, url: 'https://g/mr/4' };
    expect(itemMessage({ ...base, title: 'Fix it' })).toBe(
      'Ann closed [MR #4 Fix it](https://g/mr/4).',
    );
    expect(itemMessage({ ...base, title: 'Fix it?' })).toBe(
      'Ann closed [MR #4 Fix it?](https://g/mr/4)',
    );
    expect(itemMessage({ ...base, title: 'Fix it?', message: 'Done' })).toBe(
      'Ann closed [MR #4 Fix it?](https://g/mr/4)\n\n~~~ quote\nDone\n~~~',
    );
  });
});
