import { defineIntegration, WebhookEvent } from '../core/define';
import { inlineCode } from '../core/text';

/**
 * Opsgenie's outgoing Webhook integration: one JSON document per alert action, the action in
 * `action`. Topic: the integration's name in Opsgenie (`integrationName`), as Zulip does.
 */

/** Zulip's actions, then the other actions Opsgenie documents for its webhook. */
const ACTIONS = [
  'AddNote',
  'AddRecipient',
  'AddTags',
  'AddTeam',
  'Acknowledge',
  'AssignOwnership',
  'Close',
  'Create',
  'Delete',
  'Escalate',
  'RemoveTags',
  'TakeOwnership',
  'TestAction',
  'UnAcknowledge',
  'AddDetails',
  'AddResponder',
  'EscalateNext',
  'RemoveDetails',
  'Snooze',
  'SnoozeEnded',
  'UpdateAlias',
  'UpdateDescription',
  'UpdateMessage',
  'UpdatePriority',
];

/** The alert fields Zulip lists, in its order: [field (alert's, or `payload:` the payload's), label]. */
const DETAILS: Array<[string, string]> = [
  ['note', 'Note'],
  ['recipient', 'Recipient'],
  ['addedTags', 'Tags added'],
  ['team', 'Team added'],
  ['owner', 'Assigned owner'],
  ['payload:escalationName', 'Escalation'],
  ['removedTags', 'Tags removed'],
  ['message', 'Message'],
];

function alert(e: WebhookEvent) {
  const integration = e.payload.str('integrationName');
  const alert = e.payload.obj('alert');
  const details = DETAILS.flatMap(([field, label]) => {
    const value = field.startsWith('payload:')
      ? e.payload.optStr(field.slice('payload:'.length))
      : alert.optStr(field);
    return value === null ? [] : [{ label, value }];
  });
  const tags = alert.has('tags') ? alert.strList('tags') : [];
  if (tags.length > 0) details.push({ label: 'Tags', value: tags.map(inlineCode).join(', ') });
  return e.message(integration, 'alert', {
    integration,
    url: `https://app.opsgenie.com/alert/V2#/show/${alert.str('alertId')}`,
    action: e.payload.str('action'),
    details,
  });
}

export const opsgenieIntegration = defineIntegration({
  name: 'opsgenie',
  displayName: 'Opsgenie',
  category: 'monitoring',
  eventField: 'action',
  events: Object.fromEntries(ACTIONS.map((action) => [action, alert])),
});
