import type { RenderedMessage } from '../../core/integration';
import { keysOf, type GithubEvent } from '../github-event';

/**
 * `team` edited: a new description, name or visibility. Changes to other fields still post a
 * short notice naming them, so the organization knows to look.
 */
export function teamEdited(e: GithubEvent): RenderedMessage {
  const changes = e.payload.obj('changes');
  const topic = `team ${e.payload.str('team.name')}`;
  if (changes.has('description')) {
    return e.message(topic, 'team-description', {
      user: e.sender,
      description: e.payload.str('team.description'),
    });
  }
  if (changes.has('name')) {
    return e.message(topic, 'team-renamed', {
      from: changes.str('name.from'),
      to: e.payload.str('team.name'),
    });
  }
  if (changes.has('privacy')) {
    return e.message(topic, 'team-privacy', { privacy: e.payload.str('team.privacy') });
  }
  return e.message(topic, 'team-other-change', {
    team: e.payload.str('team.name'),
    fields: keysOf(changes).join('/'),
  });
}
