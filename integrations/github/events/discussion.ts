import type { RenderedMessage } from '../../core/integration';
import { lookup, type GithubEvent } from '../github-event';
import { discussionTopic } from '../topics';

/** Wording for discussion actions other than "created"; unknown ones are shown as GitHub names them. */
const DISCUSSION_ACTIONS: Record<string, string> = {
  category_changed: 'changed the category of',
  edited: 'edited',
  deleted: 'deleted',
  answered: 'marked an answer in',
  unanswered: 'unmarked the answer in',
};

/** A new discussion is quoted in full; later actions are a one-line notice. */
export function discussion(e: GithubEvent): RenderedMessage {
  const d = e.payload.obj('discussion');
  const context = {
    user: e.sender,
    number: d.num('number'),
    url: d.str('html_url'),
  };
  if (e.action !== 'created') {
    const verb = lookup(DISCUSSION_ACTIONS, e.action) ?? e.action.replace(/_/g, ' ');
    return e.message(discussionTopic(e), 'discussion-action', {
      ...context,
      verb,
      title: e.title('discussion.title'),
    });
  }
  return e.message(discussionTopic(e), 'discussion', {
    ...context,
    category: d.str('category.name'),
    title: d.str('title'),
    body: d.optStr('body') ?? '',
  });
}
