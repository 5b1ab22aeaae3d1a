import type { RenderedMessage } from '../../core/integration';
import type { GithubEvent } from '../github-event';
import { repoTopic } from '../topics';

/** `create` and `delete`: a branch or tag appeared or went away. */
export function createOrDelete(verb: 'created' | 'deleted') {
  return (e: GithubEvent): RenderedMessage =>
    e.message(repoTopic(e), 'ref-created-or-deleted', {
      user: e.sender,
      verb,
      refType: e.payload.str('ref_type'),
      ref: e.payload.str('ref'),
    });
}

/** Not every release has a name; Zulip then shows the tag. */
export function release(e: GithubEvent): RenderedMessage {
  const tag = e.payload.str('release.tag_name');
  return e.message(repoTopic(e), 'release', {
    user: e.sender,
    action: e.action,
    name: e.payload.optStr('release.name') || tag,
    url: e.payload.str('release.html_url'),
    tag,
  });
}
