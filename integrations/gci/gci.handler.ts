import { defineIntegration, EventHandler, WebhookEvent } from '../core/define';
import { countOf } from '../core/text';
import { tokenParam } from '../core/verify';

/**
 * Google Code-in (the contest ended in 2020; its URL keeps working): a JSON document per task
 * event, named by `event_type`. Topic: the student's name, as Zulip's integration names it.
 */

const taskUrl = (e: WebhookEvent) =>
  `https://codein.withgoogle.com/dashboard/task-instances/${e.payload.num('task_instance')}/`;

/** "**actor** action the task [name](url)" plus what the event adds. */
function task(
  actor: 'author' | 'task_claimed_by',
  action: string | ((e: WebhookEvent) => string),
  tail: (e: WebhookEvent) => string = () => '',
): EventHandler {
  return (e) =>
    e.message(e.payload.str('task_claimed_by'), 'task', {
      actor: e.payload.str(actor),
      action: typeof action === 'string' ? action : action(e),
      task: e.payload.str('task_definition_name'),
      url: taskUrl(e),
      tail: tail(e),
    });
}

export const gciIntegration = defineIntegration({
  name: 'gci',
  displayName: 'Google Code-in',
  category: 'project-management',
  eventField: 'event_type',
  events: {
    abandon: task('task_claimed_by', 'abandoned'),
    approve: task('author', 'approved'),
    'approve-pending-pc': task('author', 'approved', () => ' (pending parental consent)'),
    claim: task('task_claimed_by', 'claimed'),
    comment: task('author', 'commented on'),
    extend: task(
      'author',
      'extended the deadline for',
      (e) => ` by ${countOf(e.payload.num('extension_days'), 'day')}`,
    ),
    needswork: task('author', 'submitted', () => ' for more work'),
    outoftime: (e) =>
      e.message(e.payload.str('task_claimed_by'), 'deadline', {
        task: e.payload.str('task_definition_name'),
        url: taskUrl(e),
      }),
    submit: task('task_claimed_by', 'submitted'),
    unassign: task('author', (e) => `unassigned **${e.payload.str('task_claimed_by')}** from`),
  },
  verify: tokenParam('secret'),
});
