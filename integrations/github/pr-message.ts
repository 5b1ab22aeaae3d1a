import { endsWithPunctuation, type GithubEvent } from './github-event';

/** The parts of Zulip's common "user action [PR #n](url) ..." sentence. */
export interface PrMessageParts {
  action: string;
  /** 'PR', 'issue', 'PR review', 'discussion', ... */
  type: string;
  url: string;
  number?: number | null;
  title?: string | null;
  /** Current assignee, shown as "(assigned to X)". */
  assignee?: string | null;
  /** Head and base branch, shown as "from `head` to `base`". */
  branches?: { head: string; base: string } | null;
  /** Person an assignment went to, shown as "... to X." */
  assignedTo?: string | null;
  /** Quoted under the sentence. */
  quote?: string | null;
}

/** Context for the shared sentence of the `pull-request` template, punctuated the way Zulip does. */
export function prMessageContext(e: GithubEvent, parts: PrMessageParts): object {
  const quote = parts.quote ? parts.quote : null;
  const title = parts.title ?? null;
  const needsPunctuation =
    Boolean(parts.assignee) ||
    Boolean(parts.branches) ||
    Boolean(parts.assignedTo) ||
    title === null ||
    !endsWithPunctuation(title);
  return {
    user: e.sender,
    action: parts.action,
    type: parts.type,
    url: parts.url,
    number: parts.number ?? null,
    title,
    assignee: parts.assignee ?? null,
    branches: parts.branches ?? null,
    assignedTo: parts.assignedTo ?? null,
    punctuation: needsPunctuation ? (quote ? ':' : '.') : '',
    quote,
  };
}
