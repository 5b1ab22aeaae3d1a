import * as fs from 'node:fs';
import * as path from 'node:path';
import { FixtureCase, sharedFixturesDir, sharedSuite } from '../core/testing';
import { bitbucket3Integration } from './bitbucket3.handler';

/**
 * The X-Event-Key Bitbucket Server sends with each captured payload: the payload's own `eventKey`
 * (the test ping has none).
 */
function eventKey(file: string): string {
  const payload = JSON.parse(
    fs.readFileSync(path.join(sharedFixturesDir('bitbucket3'), file), 'utf8'),
  ) as {
    eventKey?: string;
  };
  return payload.eventKey ?? 'diagnostics:ping';
}

/**
 * What the gateway posts for each captured payload in ../shared/fixtures/webhooks/bitbucket3:
 * [fixture file, event name, message (null: recognised, nothing posted)].
 */
const SHARED_CASES: FixtureCase[] = [
  [
    'commit_comment_added.json',
    'repo:comment:added',
    {
      topic: 'sandbox',
      body: '[hypro999](http://139.59.64.214:7990/users/hypro999) commented on [508d1b6](http://139.59.64.214:7990/projects/SBOX/repos/sandbox/commits/508d1b67f1f8f3a25f543a030a7a178894aa9907):\n~~~ quote\nJust an arbitrary comment on a commit.\n~~~',
    },
  ],
  [
    'commit_comment_deleted.json',
    'repo:comment:deleted',
    {
      topic: 'sandbox',
      body: '[hypro999](http://139.59.64.214:7990/users/hypro999) deleted their comment on [508d1b6](http://139.59.64.214:7990/projects/SBOX/repos/sandbox/commits/508d1b67f1f8f3a25f543a030a7a178894aa9907):\n~~~ quote\n~~Just an arbitrary comment on a commit. Nothing to see here...~~\n~~~',
    },
  ],
  [
    'commit_comment_edited.json',
    'repo:comment:edited',
    {
      topic: 'sandbox',
      body: '[hypro999](http://139.59.64.214:7990/users/hypro999) edited their comment on [508d1b6](http://139.59.64.214:7990/projects/SBOX/repos/sandbox/commits/508d1b67f1f8f3a25f543a030a7a178894aa9907):\n~~~ quote\nJust an arbitrary comment on a commit. Nothing to see here...\n~~~',
    },
  ],
  [
    'diagnostics_ping.json',
    'diagnostics:ping',
    {
      topic: 'Bitbucket Server Ping',
      body: 'Congratulations! The Bitbucket Server webhook was configured successfully!',
    },
  ],
  [
    'pull_request_add_reviewer.json',
    'pr:reviewer:updated',
    {
      topic: 'sandbox / PR #1 Branch1',
      body: '[hypro999](http://139.59.64.214:7990/users/hypro999) reassigned [PR #1](http://139.59.64.214:7990/projects/SBOX/repos/sandbox/pull-requests/1) to [shimura](http://139.59.64.214:7990/users/shimura).',
    },
  ],
  [
    'pull_request_add_two_reviewers.json',
    'pr:reviewer:updated',
    {
      topic: 'sandbox / PR #1 Branch1',
      body: '[hypro999](http://139.59.64.214:7990/users/hypro999) reassigned [PR #1](http://139.59.64.214:7990/projects/SBOX/repos/sandbox/pull-requests/1) to [shimura](http://139.59.64.214:7990/users/shimura) and [sougo](http://139.59.64.214:7990/users/sougo).',
    },
  ],
  [
    'pull_request_approved.json',
    'pr:reviewer:approved',
    {
      topic: 'sandbox / PR #6 sample_file: Add sample_file.txt.',
      body: '[zura](http://139.59.64.214:7990/users/zura) approved [PR #6](http://139.59.64.214:7990/projects/SBOX/repos/sandbox/pull-requests/6).',
    },
  ],
  [
    'pull_request_comment_added.json',
    'pr:comment:added',
    {
      topic: 'sandbox / PR #6 sample_file: Add sample_file.txt.',
      body: '[zura](http://139.59.64.214:7990/users/zura) commented on [PR #6](http://139.59.64.214:7990/projects/SBOX/repos/sandbox/pull-requests/6):\n\n~~~ quote\nThis seems like a pretty good idea.\n~~~',
    },
  ],
  [
    'pull_request_comment_deleted.json',
    'pr:comment:deleted',
    {
      topic: 'sandbox / PR #6 sample_file: Add sample_file.txt.',
      body: '[zura](http://139.59.64.214:7990/users/zura) deleted their comment on [PR #6](http://139.59.64.214:7990/projects/SBOX/repos/sandbox/pull-requests/6):\n\n~~~ quote\n~~This seems like a pretty good idea. @shimura what do you think?~~\n~~~',
    },
  ],
  [
    'pull_request_comment_edited.json',
    'pr:comment:edited',
    {
      topic: 'sandbox / PR #6 sample_file: Add sample_file.txt.',
      body: '[zura](http://139.59.64.214:7990/users/zura) edited their comment on [PR #6](http://139.59.64.214:7990/projects/SBOX/repos/sandbox/pull-requests/6):\n\n~~~ quote\nThis seems like a pretty good idea. @shimura what do you think?\n~~~',
    },
  ],
  [
    'pull_request_declined.json',
    'pr:declined',
    {
      topic: 'sandbox / PR #7 Crazy Idea',
      body: '[zura](http://139.59.64.214:7990/users/zura) declined [PR #7](http://139.59.64.214:7990/projects/SBOX/repos/sandbox/pull-requests/7).',
    },
  ],
  [
    'pull_request_deleted.json',
    'pr:deleted',
    {
      topic: 'sandbox / PR #2 Add notes feature.',
      body: '[hypro999](http://139.59.64.214:7990/users/hypro999) deleted [PR #2](http://139.59.64.214:7990/projects/SBOX/repos/sandbox/pull-requests/2).',
    },
  ],
  [
    'pull_request_merged.json',
    'pr:merged',
    {
      topic: 'sandbox / PR #6 sample_file: Add sample_file.txt.',
      body: '[zura](http://139.59.64.214:7990/users/zura) merged [PR #6](http://139.59.64.214:7990/projects/SBOX/repos/sandbox/pull-requests/6).',
    },
  ],
  [
    'pull_request_modified.json',
    'pr:modified',
    {
      topic: 'sandbox / PR #1 Branch1',
      body: '[hypro999](http://139.59.64.214:7990/users/hypro999) modified [PR #1](http://139.59.64.214:7990/projects/SBOX/repos/sandbox/pull-requests/1) from `branch1` to `master` (assigned to [shimura](http://139.59.64.214:7990/users/shimura) for review):\n\n~~~ quote\n* Add file2.txt\n* Add file3.txt\nBoth of these files would be important additions to the project!\n~~~',
    },
  ],
  [
    'pull_request_needs_work.json',
    'pr:reviewer:needs_work',
    {
      topic: 'sandbox / PR #6 sample_file: Add sample_file.txt.',
      body: '[zura](http://139.59.64.214:7990/users/zura) marked [PR #6](http://139.59.64.214:7990/projects/SBOX/repos/sandbox/pull-requests/6) as "needs work".',
    },
  ],
  [
    'pull_request_opened_with_multiple_reviewers.json',
    'pr:opened',
    {
      topic: 'sandbox / PR #6 sample_file: Add sample_file.txt.',
      body: '[hypro999](http://139.59.64.214:7990/users/hypro999) opened [PR #6](http://139.59.64.214:7990/projects/SBOX/repos/sandbox/pull-requests/6) from `master` to `master` (assigned to [sougo](http://139.59.64.214:7990/users/sougo), [zura](http://139.59.64.214:7990/users/zura) and [shimura](http://139.59.64.214:7990/users/shimura) for review):\n\n~~~ quote\nAdd a simple text file for further testing purposes.\n~~~',
    },
  ],
  [
    'pull_request_opened_with_two_reviewers.json',
    'pr:opened',
    {
      topic: 'sandbox / PR #5 Add Notes Feature',
      body: '[hypro999](http://139.59.64.214:7990/users/hypro999) opened [PR #5](http://139.59.64.214:7990/projects/SBOX/repos/sandbox/pull-requests/5) from `master` to `master` (assigned to [shimura](http://139.59.64.214:7990/users/shimura) and [sougo](http://139.59.64.214:7990/users/sougo) for review).',
    },
  ],
  [
    'pull_request_opened_without_description.json',
    'pr:opened',
    {
      topic: 'sandbox / PR #2 Add notes feature.',
      body: '[hypro999](http://139.59.64.214:7990/users/hypro999) opened [PR #2](http://139.59.64.214:7990/projects/SBOX/repos/sandbox/pull-requests/2) from `master` to `master`.',
    },
  ],
  [
    'pull_request_opened_without_reviewers.json',
    'pr:opened',
    {
      topic: 'sandbox / PR #1 Branch1',
      body: '[hypro999](http://139.59.64.214:7990/users/hypro999) opened [PR #1](http://139.59.64.214:7990/projects/SBOX/repos/sandbox/pull-requests/1) from `branch1` to `master`:\n\n~~~ quote\n* Add file2.txt\n* Add file3.txt\n~~~',
    },
  ],
  [
    'pull_request_remove_reviewer.json',
    'pr:reviewer:updated',
    {
      topic: 'sandbox / PR #1 Branch1',
      body: '[hypro999](http://139.59.64.214:7990/users/hypro999) removed all reviewers from [PR #1](http://139.59.64.214:7990/projects/SBOX/repos/sandbox/pull-requests/1).',
    },
  ],
  [
    'pull_request_unapproved.json',
    'pr:reviewer:unapproved',
    {
      topic: 'sandbox / PR #6 sample_file: Add sample_file.txt.',
      body: '[zura](http://139.59.64.214:7990/users/zura) unapproved [PR #6](http://139.59.64.214:7990/projects/SBOX/repos/sandbox/pull-requests/6).',
    },
  ],
  [
    'repo_forked.json',
    'repo:forked',
    {
      topic: 'sandbox',
      body: '[hypro999](http://139.59.64.214:7990/users/hypro999) forked the repository into [sandbox fork](http://139.59.64.214:7990/users/hypro999/repos/sandbox-fork/browse).',
    },
  ],
  [
    'repo_modified.json',
    'repo:modified',
    {
      topic: 'sandbox v2',
      body: '[hypro999](http://139.59.64.214:7990/users/hypro999) changed the name of the **sandbox** repo from **sandbox** to **sandbox v2**.',
    },
  ],
  [
    'repo_push_add_branch.json',
    'repo:refs_changed',
    {
      topic: 'sandbox / branch2',
      body: '[hypro999](http://139.59.64.214:7990/users/hypro999) created branch2 branch.',
    },
  ],
  [
    'repo_push_add_tag.json',
    'repo:refs_changed',
    {
      topic: 'sandbox',
      body: '[hypro999](http://139.59.64.214:7990/users/hypro999) pushed tag newtag.',
    },
  ],
  [
    'repo_push_delete_branch.json',
    'repo:refs_changed',
    {
      topic: 'sandbox / branch2',
      body: '[hypro999](http://139.59.64.214:7990/users/hypro999) deleted branch branch2.',
    },
  ],
  [
    'repo_push_delete_tag.json',
    'repo:refs_changed',
    {
      topic: 'sandbox',
      body: '[hypro999](http://139.59.64.214:7990/users/hypro999) removed tag test-tag.',
    },
  ],
  [
    'repo_push_update_multiple_branches.json',
    'repo:refs_changed',
    {
      topic: 'sandbox / branch1',
      body: '[hypro999](http://139.59.64.214:7990/users/hypro999) pushed to branch branch1. Head is now 3980c2be32a7e23c795741d5dc1a2eecb9b85d6d.\n[hypro999](http://139.59.64.214:7990/users/hypro999) pushed to branch master. Head is now fc43d13cff1abb28631196944ba4fc4ad06a2cf2.',
    },
  ],
  [
    'repo_push_update_single_branch.json',
    'repo:refs_changed',
    {
      topic: 'sandbox / master',
      body: '[hypro999](http://139.59.64.214:7990/users/hypro999) pushed to branch master. Head is now e68c981ef53dbab0a5ca320a2d8d80e216c70528.',
    },
  ],
];

export const SHARED_FIXTURES = sharedSuite(bitbucket3Integration, SHARED_CASES, {
  headers: (file) => ({ 'X-Event-Key': eventKey(file) }),
});
