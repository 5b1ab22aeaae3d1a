/**
 * The message Zulip posts for each captured payload in ../shared/fixtures/webhooks/github
 * (file name → topic and body), or null where Zulip posts nothing. Taken from Zulip's own test
 * expectations for these payloads; commit ids are 7 characters, as in the reference notes.
 */
import { FixtureCase, headerFromFileName, sharedSuite } from '../core/testing';
import { githubIntegration } from './github.handler';

export type Expected = { topic: string; body: string } | null;

const PR1 = 'public-repo / PR #1 Update the README with new information';
const ISSUE2 = 'public-repo / issue #2 Spelling error in the README file';
const BRANCH = 'public-repo / changes';
const BAXTER_PR1 = 'https://github.com/baxterthehacker/public-repo/pull/1';
const TUSHAR_PR1 = 'https://github.com/tushar912/public-repo/pull/1';
const COMPARE =
  'https://github.com/baxterthehacker/public-repo/compare/9049f1265b7d...0d1a26e67d8f';
const README_COMMIT =
  '* Update README.md ([0d1a26e](https://github.com/baxterthehacker/public-repo/commit/0d1a26e67d8f5eaf1f6ba5c57fc3c7d91ac0fd1c))';
const SHA_9049 =
  '[9049f12](https://github.com/baxterthehacker/public-repo/commit/9049f1265b7d61be4a8904a9a27120d2064dab3b)';

function commits(n: number): string {
  return Array.from({ length: n }, () => README_COMMIT).join('\n');
}

const SHARED_FIXTURE_EXPECTATIONS: Record<string, Expected> = {
  check_run__completed: {
    topic: 'hello-world / checks',
    body: 'Check [randscape](http://github.com/github/hello-world/runs/4) completed (success). ([d6fde92](http://github.com/github/hello-world/commit/d6fde92930d4715a2b49857d24b940956b26d2d3))',
  },
  check_run__in_progress: null,
  commit_comment: {
    topic: 'public-repo',
    body: `baxterthehacker [commented](https://github.com/baxterthehacker/public-repo/commit/9049f1265b7d61be4a8904a9a27120d2064dab3b#commitcomment-11056394) on ${SHA_9049}:\n~~~ quote\nThis is a really good change! :+1:\n~~~`,
  },
  create: { topic: 'public-repo', body: 'baxterthehacker created tag 0.0.1.' },
  delete: { topic: 'public-repo', body: 'baxterthehacker deleted tag simple-tag.' },
  deployment: {
    topic: 'public-repo / Deployment on production',
    body: 'baxterthehacker created new deployment.',
  },
  deployment_status: {
    topic: 'public-repo / Deployment on production',
    body: 'Deployment changed status to success.',
  },
  discussion: {
    topic: 'public-repo discussion #90: Welcome to discussions!',
    body: "Codertocat created [discussion #90](https://github.com/baxterthehacker/public-repo/discussions/90) in General:\n```quote\n### Welcome to discussions!\nWe're glad to have you here!\n```",
  },
  discussion_comment: {
    topic: 'public-repo discussion #90: Welcome to discussions!',
    body: 'Codertocat [commented](https://github.com/baxterthehacker/public-repo/discussions/90#discussioncomment-544078) on [discussion #90](https://github.com/baxterthehacker/public-repo/discussions/90):\n```quote\nI have so many questions to ask you!\n```',
  },
  fork: {
    topic: 'public-repo',
    body: 'baxterandthehackers forked [public-repo](https://github.com/baxterandthehackers/public-repo).',
  },
  gollum__wiki_pages: {
    topic: 'public-repo / wiki pages',
    body: 'jasonrudolph:\n* created [Home](https://github.com/baxterthehacker/public-repo/wiki/Home)\n* created [Home](https://github.com/baxterthehacker/public-repo/wiki/Home)',
  },
  issue_comment: {
    topic: ISSUE2,
    body: "baxterthehacker [commented](https://github.com/baxterthehacker/public-repo/issues/2#issuecomment-99262140) on [issue #2](https://github.com/baxterthehacker/public-repo/issues/2):\n\n~~~ quote\nYou are totally right! I'll get this fixed right away.\n~~~",
  },
  issue_comment__deleted: {
    topic: 'Scheduler / issue #5 This is a new issue',
    body: 'eeshangarg deleted a [comment](https://github.com/eeshangarg/Scheduler/issues/5#issuecomment-425164194) on [issue #5](https://github.com/eeshangarg/Scheduler/issues/5):\n\n~~~ quote\nThis is a comment on this new issue.\n~~~',
  },
  issues: {
    topic: ISSUE2,
    body: "baxterthehacker opened [issue #2](https://github.com/baxterthehacker/public-repo/issues/2):\n\n~~~ quote\nIt looks like you accidentally spelled 'commit' with two 't's.\n~~~",
  },
  member: {
    topic: 'public-repo',
    body: 'baxterthehacker added [octocat](https://github.com/octocat) to [public-repo](https://github.com/baxterthehacker/public-repo).',
  },
  membership: {
    topic: 'baxterandthehackers organization',
    body: 'baxterthehacker added [kdaigle](https://github.com/kdaigle) to the Contractors team.',
  },
  membership__removal: {
    topic: 'baxterandthehackers organization',
    body: 'baxterthehacker removed [kdaigle](https://github.com/kdaigle) from the Contractors team.',
  },
  page_build: {
    topic: 'public-repo',
    body: 'GitHub Pages build, triggered by baxterthehacker, has finished building.',
  },
  page_build__errored: {
    topic: 'public-repo',
    body: 'GitHub Pages build, triggered by baxterthehacker, has failed: \n~~~ quote\nSomething went wrong.\n~~~.',
  },
  ping: {
    topic: 'public-repo',
    body: 'GitHub webhook has been successfully configured by TomaszKolek.',
  },
  ping__organization: {
    topic: 'zulip-test-org',
    body: 'GitHub webhook has been successfully configured by eeshangarg.',
  },
  public: {
    topic: 'public-repo',
    body: 'baxterthehacker made the repository [baxterthehacker/public-repo](https://github.com/baxterthehacker/public-repo) public.',
  },
  pull_request__assigned: {
    topic: PR1,
    body: `baxterthehacker assigned [PR #1](${BAXTER_PR1}) to baxterthehacker.`,
  },
  pull_request__auto_merge_disabled: {
    topic: PR1,
    body: `tushar912 has disabled auto merge for [PR #1](${TUSHAR_PR1}).`,
  },
  pull_request__auto_merge_enabled: {
    topic: PR1,
    body: `tushar912 has enabled auto merge for [PR #1](${TUSHAR_PR1}).`,
  },
  pull_request__closed: {
    topic: PR1,
    body: `baxterthehacker closed without merge [PR #1](${BAXTER_PR1}).`,
  },
  pull_request__edited: {
    topic: PR1,
    body: `baxterthehacker edited [PR #1](${BAXTER_PR1}) from \`changes\` to \`master\`.`,
  },
  pull_request__edited_with_body_change: {
    topic: PR1,
    body: 'cozyrohan edited [PR #1](https://github.com/cozyrohan/public-repo/pull/1) from `issue-#1` to `main`:\n\n~~~ quote\nPR EDITED\n~~~',
  },
  pull_request__locked: {
    topic: PR1,
    body: `tushar912 has locked [PR #1](${TUSHAR_PR1}) as off-topic and limited conversation to collaborators.`,
  },
  pull_request__merged: { topic: PR1, body: `baxterthehacker merged [PR #1](${BAXTER_PR1}).` },
  pull_request__opened: {
    topic: PR1,
    body: `baxterthehacker opened [PR #1](${BAXTER_PR1}) from \`changes\` to \`master\`:\n\n~~~ quote\nThis is a pretty simple change that we need to pull into master.\n~~~`,
  },
  pull_request__opened_with_preassigned_assignee: {
    topic: 'Scheduler / PR #4 Improve README',
    body: 'eeshangarg opened [PR #4](https://github.com/eeshangarg/Scheduler/pull/4) (assigned to eeshangarg) from `improve-readme-2` to `master`.',
  },
  pull_request__ready_for_review: {
    topic: 'temp-test-github-webhook / PR #2 Test',
    body: '**Hypro999** has marked [PR #2](https://github.com/Hypro999/temp-test-github-webhook/pull/2) as ready for review.',
  },
  pull_request__review_requested: {
    topic: 'Scheduler / PR #1 This is just a test commit',
    body: '**eeshangarg** requested [showell](https://github.com/showell) for a review on [PR #1](https://github.com/eeshangarg/Scheduler/pull/1).',
  },
  pull_request__review_requested_team_reviewer: {
    topic: 'webhook-test / PR #4 testing webhook',
    body: '**singhsourabh** requested [authority](https://github.com/orgs/test-org965/teams/authority) for a review on [PR #4](https://github.com/test-org965/webhook-test/pull/4).',
  },
  pull_request__synchronized: {
    topic: PR1,
    body: `baxterthehacker updated [PR #1](${BAXTER_PR1}) from \`changes\` to \`master\`.`,
  },
  pull_request__synchronized_with_body: {
    topic: PR1,
    body: `baxterthehacker updated [PR #1](${BAXTER_PR1}) from \`changes\` to \`master\`.`,
  },
  pull_request__unassigned: {
    topic: 'helloworld / PR #1 Mention that Zulip rocks!',
    body: 'eeshangarg unassigned [PR #1](https://github.com/zulip-test-org/helloworld/pull/1).',
  },
  pull_request__unlocked: { topic: PR1, body: `tushar912 has unlocked [PR #1](${TUSHAR_PR1}).` },
  pull_request_review: {
    topic: PR1,
    body: `baxterthehacker submitted [PR review](${BAXTER_PR1}#pullrequestreview-2626884):\n\n~~~ quote\nLooks great!\n~~~`,
  },
  pull_request_review_comment: {
    topic: PR1,
    body: `baxterthehacker created [PR review comment](${BAXTER_PR1}#discussion_r29724692):\n\n~~~ quote\nMaybe you should use more emojji on this line.\n~~~`,
  },
  push__1_commit: {
    topic: BRANCH,
    body: `baxterthehacker [pushed](${COMPARE}) 1 commit to branch changes.\n\n${commits(1)}`,
  },
  push__1_commit_without_username: {
    topic: BRANCH,
    body: 'eeshangarg [pushed](https://github.com/eeshangarg/public-repo/compare/0383613da871...2e8cf535fb38) 1 commit to branch changes. Commits by John Snow (1).\n\n* Update the README ([2e8cf53](https://github.com/eeshangarg/public-repo/commit/2e8cf535fb38a3dab2476cdf856efda904ad4c94))',
  },
  push__50_commits: {
    topic: BRANCH,
    body: `baxterthehacker [pushed](${COMPARE}) 50 commits to branch changes.\n\n${commits(20)}\n[and 30 more commit(s)]`,
  },
  push__delete_branch: {
    topic: 'public-repo / feature',
    body: 'eeshangarg [deleted](https://github.com/eeshangarg/public-repo/compare/2e8cf535fb38...000000000000) the branch feature.',
  },
  push__event: {
    topic: BRANCH,
    body: `baxterthehacker [pushed](${COMPARE}) 1 commit to branch changes.\n\n${commits(1)}`,
  },
  push__local_branch_without_commits: {
    topic: 'public-repo / feature',
    body: 'eeshangarg [pushed](https://github.com/eeshangarg/public-repo/compare/feature) the branch feature.',
  },
  push__multiple_committers: {
    topic: BRANCH,
    body: `baxterthehacker [pushed](${COMPARE}) 6 commits to branch changes. Commits by Tomasz (3), Ben (2) and baxterthehacker (1).\n\n${commits(6)}`,
  },
  push__multiple_committers_with_others: {
    topic: BRANCH,
    body: `baxterthehacker [pushed](${COMPARE}) 10 commits to branch changes. Commits by Tomasz (4), Ben (3), James (2) and others (1).\n\n${commits(10)}`,
  },
  push__tag: { topic: 'public-repo', body: 'baxterthehacker pushed tag abc.' },
  release: {
    topic: 'public-repo',
    body: 'baxterthehacker published release [0.0.1](https://github.com/baxterthehacker/public-repo/releases/tag/0.0.1) for tag 0.0.1.',
  },
  release__with_name: {
    topic: 'public-repo',
    body: 'baxterthehacker published release [0.0.1](https://github.com/baxterthehacker/public-repo/releases/tag/0.0.1) for tag 0.0.1.',
  },
  repository: {
    topic: 'public-repo',
    body: 'baxterthehacker created the repository [baxterandthehackers/public-repo](https://github.com/baxterandthehackers/public-repo).',
  },
  repository_vulnerability_alert: null,
  star: {
    topic: 'Hello-World',
    body: 'Codertocat starred the repository [Codertocat/Hello-World](https://github.com/Codertocat/Hello-World).',
  },
  status: { topic: 'public-repo', body: `${SHA_9049} changed its status to success.` },
  status__with_target_url: {
    topic: 'public-repo',
    body: `${SHA_9049} changed its status to [success](https://example.com/build/status).`,
  },
  team__edited_description: {
    topic: 'team Testing',
    body: '**Hypro999** changed the team description to:\n```quote\nA temporary team so that I can get some webhook fixtures!\n```',
  },
  team__edited_name: {
    topic: 'team Testing Team',
    body: 'Team `Testing` was renamed to `Testing Team`.',
  },
  team__edited_privacy_closed: {
    topic: 'team Testing',
    body: 'Team visibility changed to `closed`',
  },
  team__edited_privacy_secret: {
    topic: 'team Testing Team',
    body: 'Team visibility changed to `secret`',
  },
  team_add: {
    topic: 'public-repo',
    body: 'The repository [baxterandthehackers/public-repo](https://github.com/baxterandthehackers/public-repo) was added to team github.',
  },
  watch__repository: {
    topic: 'public-repo',
    body: 'baxterthehacker starred the repository [baxterthehacker/public-repo](https://github.com/baxterthehacker/public-repo).',
  },
};

/** The event name (what only_events / exclude_events match) of each captured payload. */
const SHARED_FIXTURE_EVENTS: Record<string, string> = {
  check_run__completed: 'check_run',
  check_run__in_progress: 'check_run',
  commit_comment: 'commit_comment',
  create: 'create',
  delete: 'delete',
  deployment: 'deployment',
  deployment_status: 'deployment_status',
  discussion: 'discussion',
  discussion_comment: 'discussion_comment',
  fork: 'fork',
  gollum__wiki_pages: 'gollum',
  issue_comment: 'issue_comment',
  issue_comment__deleted: 'issue_comment',
  issues: 'issues',
  member: 'member',
  membership: 'membership',
  membership__removal: 'membership',
  page_build: 'page_build',
  page_build__errored: 'page_build',
  ping: 'ping',
  ping__organization: 'ping',
  public: 'public',
  pull_request__assigned: 'assigned_or_unassigned_pull_request',
  pull_request__auto_merge_disabled: 'pull_request_auto_merge',
  pull_request__auto_merge_enabled: 'pull_request_auto_merge',
  pull_request__closed: 'closed_pull_request',
  pull_request__edited: 'opened_or_update_pull_request',
  pull_request__edited_with_body_change: 'opened_or_update_pull_request',
  pull_request__locked: 'locked_or_unlocked_pull_request',
  pull_request__merged: 'closed_pull_request',
  pull_request__opened: 'opened_or_update_pull_request',
  pull_request__opened_with_preassigned_assignee: 'opened_or_update_pull_request',
  pull_request__ready_for_review: 'pull_request_ready_for_review',
  pull_request__review_requested: 'pull_request_review_requested',
  pull_request__review_requested_team_reviewer: 'pull_request_review_requested',
  pull_request__synchronized: 'opened_or_update_pull_request',
  pull_request__synchronized_with_body: 'opened_or_update_pull_request',
  pull_request__unassigned: 'assigned_or_unassigned_pull_request',
  pull_request__unlocked: 'locked_or_unlocked_pull_request',
  pull_request_review: 'pull_request_review',
  pull_request_review_comment: 'pull_request_review_comment',
  push__1_commit: 'push_commits',
  push__1_commit_without_username: 'push_commits',
  push__50_commits: 'push_commits',
  push__delete_branch: 'push_commits',
  push__event: 'push_commits',
  push__local_branch_without_commits: 'push_commits',
  push__multiple_committers: 'push_commits',
  push__multiple_committers_with_others: 'push_commits',
  push__tag: 'push_tags',
  release: 'release',
  release__with_name: 'release',
  repository: 'repository',
  repository_vulnerability_alert: 'repository_vulnerability_alert',
  star: 'star',
  status: 'status',
  status__with_target_url: 'status',
  team__edited_description: 'team',
  team__edited_name: 'team',
  team__edited_privacy_closed: 'team',
  team__edited_privacy_secret: 'team',
  team_add: 'team_add',
  watch__repository: 'watch',
};

export const SHARED_FIXTURES = sharedSuite(
  githubIntegration,
  Object.entries(SHARED_FIXTURE_EXPECTATIONS).map(([name, expected]): FixtureCase => [
    `${name}.json`,
    SHARED_FIXTURE_EVENTS[name],
    expected,
  ]),
  { headers: headerFromFileName('X-GitHub-Event') },
);
