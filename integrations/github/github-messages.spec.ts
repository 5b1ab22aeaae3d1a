import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { useTemplateOverrides } from '../core/templates';
import { MAX_TOPIC_LENGTH } from '../core/text';
import { githubIntegration } from './github.handler';
import { example, input, message, own, withAction, type Json } from './github.testing';

const HELLO = 'https://github.com/Codertocat/Hello-World';
const ISSUE1 = 'Hello-World / issue #1 Spelling error in the README file';

describe('GitHub push', () => {
  /** A push of `n` commits by the given authors (cycled), built on GitHub's example push. */
  function pushOf(n: number, authors: string[] = ['Codertocat']): Json {
    const payload = example('push', (p) => String(p.ref).startsWith('refs/heads/'));
    payload.commits = Array.from({ length: n }, (_, i) => ({
      id: `${String(i).padStart(2, '0')}${'f'.repeat(38)}`,
      message: `Change number ${i + 1}\n\nDetails nobody reads.`,
      url: `${HELLO}/commit/${i}`,
      author: { name: authors[i % authors.length], username: authors[i % authors.length] },
    }));
    return payload;
  }

  it('lists at most 20 commits, then says how many more there are', () => {
    const { body, topic } = message('push', pushOf(25));
    expect(topic).toBe('Hello-World / master');
    const lines = body.split('\n');
    expect(lines[0]).toBe(
      `Codertocat [pushed](${HELLO}/commit/6113728f27ae82c7b1a177c8d03f9e96e0adf246) 25 commits to branch master.`,
    );
    expect(lines.filter((l) => l.startsWith('* '))).toHaveLength(20);
    expect(lines[2]).toBe(`* Change number 1 ([00fffff](${HELLO}/commit/0))`);
    expect(lines[lines.length - 1]).toBe('[and 5 more commit(s)]');
  });

  it('lists exactly 20 commits without a remainder line', () => {
    const { body } = message('push', pushOf(20));
    expect(body).not.toContain('more commit');
    expect(body.split('\n').filter((l) => l.startsWith('* '))).toHaveLength(20);
  });

  it('counts committers by number of commits, ties alphabetically, beyond three as "others"', () => {
    const { body } = message('push', pushOf(9, ['zed', 'amy', 'bob', 'cy', 'amy', 'bob', 'dan']));
    expect(body.split('\n')[0]).toMatch(
      / 9 commits to branch master\. Commits by amy \(3\), bob \(2\), zed \(2\) and others \(2\)\.$/,
    );
  });

  it('names the single committer when it is not the pusher', () => {
    const { body } = message('push', pushOf(2, ['octocat']));
    expect(body.split('\n')[0]).toMatch(
      / 2 commits to branch master\. Commits by octocat \(2\)\.$/,
    );
  });

  it('says "force pushed" and shows only the first line of a commit message', () => {
    const { topic, body } = message('push', own('push__force'));
    expect(topic).toBe('widgets / main');
    expect(body).toBe(
      'mona [force pushed](https://github.com/octo-org/widgets/compare/a10867b14bb7...b4a1c3d2e5f6) 1 commit to branch main.\n\n' +
        '* Rewrite the parser ([b4a1c3d](https://github.com/octo-org/widgets/commit/b4a1c3d2e5f60718293a4b5c6d7e8f9012345678))',
    );
  });

  it('tells pushed and removed tags apart', () => {
    const removed = example('push', (p) => p.deleted === true);
    expect(message('push', removed)).toEqual({
      topic: 'Hello-World',
      body: 'Codertocat removed tag simple-tag.',
    });
  });

  it('gives the branch to the `branches` option for pushes and branch create/delete only', () => {
    const branchOf = githubIntegration.branchOf;
    if (!branchOf) throw new Error('branchOf missing');
    expect(branchOf(input('push', own('push__force')))).toBe('main');
    expect(branchOf(input('push', { ref: 'refs/tags/v1' }))).toBeNull();
    expect(branchOf(input('create', own('create__branch')))).toBe('feature/search');
    expect(branchOf(input('delete', example('delete')))).toBeNull();
    expect(branchOf(input('issues', example('issues')))).toBeNull();
  });

  it('announces a created branch', () => {
    expect(message('create', own('create__branch'))).toEqual({
      topic: 'widgets',
      body: 'mona created branch feature/search.',
    });
  });
});

describe('GitHub pull requests', () => {
  it('cuts a long topic at 60 characters with "..."', () => {
    const { topic, body } = message('pull_request', own('pull_request__opened_long_title'));
    expect(topic).toBe('notification-gateway-service / PR #1234 Teach the notific...');
    expect([...topic]).toHaveLength(MAX_TOPIC_LENGTH);
    expect(body).toBe(
      'mona opened [PR #1234](https://github.com/octo-org/notification-gateway-service/pull/1234) from `retry-backoff` to `main`.',
    );
  });

  it('names the PR title in the body when the URL fixes the topic', () => {
    const { body } = message('pull_request', example('pull_request', withAction('closed')), {
      topic: 'notifications',
    });
    expect(body).toBe(
      `Codertocat closed without merge [PR #2 Update the README with new information.](${HELLO}/pull/2)`,
    );
  });

  it('locks without a reason', () => {
    expect(message('pull_request', own('pull_request__locked_without_reason')).body).toBe(
      'mona has locked [PR #9](https://github.com/octo-org/widgets/pull/9) and limited conversation to collaborators.',
    );
  });

  it('puts a comment on a pull request under the PR topic', () => {
    expect(message('issue_comment', own('issue_comment__on_pull_request'))).toEqual({
      topic: 'widgets / PR #7 Add dark mode?',
      body: 'hubot [commented](https://github.com/octo-org/widgets/pull/7#issuecomment-1001) on [PR #7](https://github.com/octo-org/widgets/pull/7):\n\n~~~ quote\nLooks good once the contrast is fixed.\n~~~',
    });
  });

  it('words dismissed reviews and deleted review comments', () => {
    const dismissed = message(
      'pull_request_review',
      example('pull_request_review', withAction('dismissed')),
    );
    expect(dismissed.body).toBe(
      `Codertocat dismissed [PR review](${HELLO}/pull/2#pullrequestreview-237895671).`,
    );
    const deleted = message(
      'pull_request_review_comment',
      example('pull_request_review_comment', withAction('deleted')),
    );
    expect(deleted.body).toBe(
      `Codertocat deleted [PR review comment](${HELLO}/pull/2#discussion_r284312630).`,
    );
  });
});

describe('GitHub issues', () => {
  it.each([
    [
      'labeled',
      `[Codertocat](https://github.com/Codertocat) added the bug label to [Issue #1](${HELLO}/issues/1).`,
    ],
    [
      'unlabeled',
      `[Codertocat](https://github.com/Codertocat) removed the bug label from [Issue #1](${HELLO}/issues/1).`,
    ],
    ['assigned', `Codertocat assigned [issue #1](${HELLO}/issues/1) to Codertocat.`],
    ['unassigned', `Codertocat unassigned Codertocat from [issue #1](${HELLO}/issues/1).`],
    ['reopened', `Codertocat reopened [issue #1](${HELLO}/issues/1).`],
  ])('%s', (action, body) => {
    expect(message('issues', example('issues', withAction(action)))).toEqual({
      topic: ISSUE1,
      body,
    });
  });

  it('names milestones, on a pull request as a PR', () => {
    expect(message('issues', example('issues', withAction('milestoned')))).toEqual({
      topic: 'Hello-World / PR #2 Update the README with new information.',
      body: `[Codertocat](https://github.com/Codertocat) added milestone [v1.0](${HELLO}/milestone/1) to [PR #2](${HELLO}/pull/2).`,
    });
  });

  it('follows a transfer from both ends', () => {
    expect(message('issues', example('issues', withAction('transferred'))).body).toBe(
      'Codertocat transferred [issue #1 Update package.json](https://github.com/octo-org/hello-world-npm/pull/1) to [Codertocat/Hello-World/#1](https://github.com/Codertocat/Hello-World/issues/1).',
    );
    const opened = example('issues', (p) => p.action === 'opened' && Boolean(p.changes));
    expect(message('issues', opened).body).toBe(
      `[Issue #1 Spelling error in the README file](${HELLO}/issues/1) was transferred from [octo-org/octo-repo#1](https://github.com/octo-org/hello-world-npm/pull/1).`,
    );
  });
});

describe('GitHub repository, CI and organisation events', () => {
  it.each([
    [
      'star',
      'deleted',
      'Hello-World',
      `Codertocat unstarred the repository [Codertocat/Hello-World](${HELLO}).`,
    ],
    [
      'release',
      'created',
      'Hello-World',
      `Codertocat created release [0.0.1](${HELLO}/releases/tag/0.0.1) for tag 0.0.1.`,
    ],
    [
      'repository',
      'renamed',
      'Hello-World',
      'Codertocat renamed the repository [Octocoders/Hello-World](https://github.com/Octocoders/Hello-World).',
    ],
    [
      'membership',
      'removed',
      'Octocoders organization',
      'Codertocat removed [Codertocat](https://github.com/Codertocat) from the github team.',
    ],
    [
      'discussion',
      'answered',
      'Hello-World discussion #4: TEST edit',
      `Codertocat marked an answer in [discussion #4](${HELLO}/discussions/4).`,
    ],
    [
      'check_run',
      'completed',
      'Hello-World / checks',
      `Check [Octocoders-linter](${HELLO}/runs/128620228) completed (failure). ([ec26c3e](${HELLO}/commit/ec26c3e57ca3a959ca5aad62de7213c562f8c821))`,
    ],
  ])('%s %s', (event, action, topic, body) => {
    expect(message(event, example(event, withAction(action)))).toEqual({ topic, body });
  });

  it('says which team fields changed when GitHub reports unusual ones', () => {
    const payload = {
      action: 'edited',
      changes: { bogus_a: {}, bogus_b: {} },
      team: { name: 'My Team' },
    };
    expect(message('team', payload)).toEqual({
      topic: 'team My Team',
      body: 'Team has changes to `bogus_a/bogus_b` data.',
    });
  });

  it('pings from an organization hook use the organization as topic', () => {
    const payload = example('ping', (p) => !p.repository);
    expect(message('ping', payload)).toEqual({
      topic: 'Octocoders',
      body: 'GitHub webhook has been successfully configured by Codertocat.',
    });
  });
});

describe('GitHub templates', () => {
  afterEach(() => {
    useTemplateOverrides(undefined);
  });

  it('lets an operator replace a message template', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'github-templates-'));
    fs.mkdirSync(path.join(dir, 'github'));
    fs.writeFileSync(path.join(dir, 'github', 'ping.hbs'), 'Hooked up by {{user}}!');
    useTemplateOverrides(dir);
    expect(message('ping', example('ping')).body).toBe('Hooked up by Codertocat!');
  });
});
