import type { Payload } from '../core/payload';
import { render } from '../core/templates';
import { countedNames, joinNames, shortSha } from '../core/text';

/** Zulip's git message conventions, shared by the git hosting integrations (GitLab, ...). */

/** The all-zero sha a git host sends as `after` when a branch is deleted. */
export const EMPTY_SHA = '0000000000000000000000000000000000000000';
/** Push bodies list at most this many commits, then "[and N more commit(s)]". */
export const COMMITS_LIMIT = 20;
/** At most this many committers are named; the rest are summed as "others". */
export const COMMITTERS_LIMIT = 3;

const TEMPLATES = 'shared-git';

export interface PushedCommit {
  /** The author's display name (counted for "Commits by ..."). */
  author: string;
  sha: string;
  message: string;
  url: string;
}

/** Commits as GitHub spells them (`id`, `message`, `url`, `author.name`), which Gogs, Gitea and Beanstalk copy. */
export function githubStyleCommits(commits: readonly Payload[]): PushedCommit[] {
  return commits.map((c) => ({
    author: c.str('author.name'),
    sha: c.str('id'),
    message: c.str('message'),
    url: c.str('url'),
  }));
}

export interface PushMessage {
  user: string;
  compareUrl: string | null;
  branch: string;
  commits: readonly PushedCommit[];
  /** The branch was deleted (no commits are then listed). */
  deleted?: boolean;
  forced?: boolean;
}

/** "{user} [pushed](compare) N commits to branch B. Commits by ...\n\n* msg ([sha](url))". */
export function pushMessage(push: PushMessage): string {
  const pushType = push.forced ? 'force pushed' : 'pushed';
  if (push.commits.length === 0) {
    return render(TEMPLATES, push.deleted ? 'delete-branch-push' : 'push-without-commits', {
      user: push.user,
      compareUrl: push.compareUrl,
      branch: push.branch,
      pushType,
    });
  }
  const authors = push.commits.map((c) => c.author);
  const onlyPusher = authors.every((author) => author === push.user);
  const more = push.commits.length - COMMITS_LIMIT;
  return render(TEMPLATES, 'push', {
    user: push.user,
    compareUrl: push.compareUrl,
    pushType,
    count: push.commits.length,
    plural: push.commits.length > 1,
    branch: push.branch,
    committers: onlyPusher ? null : countedNames(authors, COMMITTERS_LIMIT),
    commits: push.commits.slice(0, COMMITS_LIMIT).map((c) => ({
      message: c.message.split('\n')[0],
      shortSha: shortSha(c.sha),
      url: c.url,
    })),
    more: more > 0 ? more : null,
  });
}

export function removeBranchMessage(user: string, branch: string): string {
  return render(TEMPLATES, 'remove-branch', { user, branch });
}

const PUNCTUATION = /[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]$/;

export function tagMessage(user: string, tag: string, action: string, url?: string | null): string {
  return render(TEMPLATES, 'tag', {
    user,
    tag,
    url: url ?? null,
    action,
    period: PUNCTUATION.test(tag) ? '' : '.',
  });
}

export interface ItemMessage {
  user: string;
  /** "created", "closed", "[commented](url) on", ... */
  action: string;
  /** "MR", "PR", "issue", "snippet". */
  type: string;
  number: number;
  url: string;
  /** Shown inside the link when the topic does not already carry it. */
  title?: string | null;
  sourceBranch?: string | null;
  targetBranch?: string | null;
  assignees?: readonly string[];
  /** Quoted below the line (description, comment). */
  message?: string | null;
}

/** "{user} {action} [MR #3](url) from `a` to `b` (assigned to X):\n\n~~~ quote\n...\n~~~". */
export function itemMessage(item: ItemMessage): string {
  const assignees = item.assignees ?? [];
  const branches = Boolean(item.sourceBranch && item.targetBranch);
  const message = item.message ? item.message : null;
  const title = item.title ?? null;
  // A title that already ends in punctuation gets none added, unless something follows it.
  const needsPunctuation =
    assignees.length > 0 || branches || title === null || !PUNCTUATION.test(title);
  return render(TEMPLATES, 'item', {
    user: item.user,
    action: item.action,
    type: item.type,
    number: item.number,
    url: item.url,
    title,
    branches,
    source: item.sourceBranch,
    target: item.targetBranch,
    assignees: assignees.length > 0 ? joinNames(assignees) : null,
    punctuation: needsPunctuation ? (message ? ':' : '.') : '',
    message,
  });
}

/** "{user} [commented](url) on [sha7](commit):\n~~~ quote\nnote\n~~~". */
export function commitCommentMessage(
  user: string,
  action: string,
  commitUrl: string,
  sha: string,
  message: string | null,
): string {
  return render(TEMPLATES, 'commit-comment', {
    user,
    action,
    commitUrl,
    shortSha: shortSha(sha),
    message: message || null,
  });
}
