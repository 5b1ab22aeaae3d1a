import { defineIntegration, EventHandler, WebhookEvent } from '../core/define';
import { tokenParam } from '../core/verify';

/**
 * Wekan: an outgoing webhook posts each board activity as `{"text": "<sentence>\n<url>",
 * "description": "act-createCard", "user": ..., "card": ..., ...}`. Zulip posts the sentence with a
 * link to the board or card, under the topic "Wekan Notification".
 */
const TOPIC = 'Wekan Notification';

/** The activities Wekan's outgoing webhooks send (`description`), as its sources name them. */
const ACTIVITIES = [
  'addAttachment',
  'addBoardMember',
  'addChecklist',
  'addChecklistItem',
  'addComment',
  'addedLabel',
  'archivedCard',
  'archivedList',
  'archivedSwimlane',
  'checkedItem',
  'completeChecklist',
  'createCard',
  'createCustomField',
  'createList',
  'createSwimlane',
  'deleteAttachment',
  'joinMember',
  'moveCard',
  'removeChecklist',
  'removeList',
  'removeSwimlane',
  'removedChecklistItem',
  'removedLabel',
  'restoredCard',
  'setCustomField',
  'uncheckedItem',
  'uncompleteChecklist',
  'unjoinMember',
  'unsetCustomField',
].map((activity) => `act-${activity}`);

/** The sentence (every line but the last) and the link (the last line). */
const activity: EventHandler = (e: WebhookEvent) => {
  const lines = e.payload.str('text').split('\n');
  const url = lines.length > 1 ? lines.pop()!.trim() : null;
  return e.message(TOPIC, 'activity', { text: lines.join(' ').trim(), url });
};

export const wekanIntegration = defineIntegration({
  name: 'wekan',
  displayName: 'Wekan',
  category: 'project-management',
  eventField: 'description',
  events: Object.fromEntries(ACTIVITIES.map((name) => [name, activity])),
  // Wekan signs nothing and sends no custom header: a secret goes in the URL.
  verify: tokenParam('secret'),
});
