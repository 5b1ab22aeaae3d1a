import { FixtureCase, sharedSuite } from '../core/testing';
import { gciIntegration } from './gci.handler';

/**
 * What the gateway makes of each captured payload in ../shared/fixtures/webhooks/gci:
 * [fixture file, event name, message (null: recognised, nothing posted; UNSUPPORTED; ANOMALOUS)].
 */
const SHARED_CASES: FixtureCase[] = [
  [
    'student_commented_on_task.json',
    'comment',
    {
      topic: 'student-yqqtag',
      body: '**student-yqqtag** commented on the task [Sails unspread it stopped at kearney](https://codein.withgoogle.com/dashboard/task-instances/6296903092273152/).',
    },
  ],
  [
    'student_unassigned_by_mentor.json',
    'unassign',
    {
      topic: 'student-yqqtag',
      body: '**eeshangarg** unassigned **student-yqqtag** from the task [Sails unspread it stopped at kearney](https://codein.withgoogle.com/dashboard/task-instances/6296903092273152/).',
    },
  ],
  [
    'task_abandoned_by_student.json',
    'abandon',
    {
      topic: 'student-yqqtag',
      body: '**student-yqqtag** abandoned the task [Sails unspread it stopped at kearney](https://codein.withgoogle.com/dashboard/task-instances/6296903092273152/).',
    },
  ],
  [
    'task_approved_by_mentor.json',
    'approve',
    {
      topic: 'student-yqqtag',
      body: '**eeshangarg** approved the task [Sails unspread it stopped at kearney](https://codein.withgoogle.com/dashboard/task-instances/6296903092273152/).',
    },
  ],
  [
    'task_approved_by_mentor_pending_parental_consent.json',
    'approve-pending-pc',
    {
      topic: 'student-yqqtag',
      body: '**eeshangarg** approved the task [Sails unspread it stopped at kearney](https://codein.withgoogle.com/dashboard/task-instances/6296903092273152/) (pending parental consent).',
    },
  ],
  [
    'task_claimed_by_student.json',
    'claim',
    {
      topic: 'student-yqqtag',
      body: '**student-yqqtag** claimed the task [Sails unspread it stopped at kearney](https://codein.withgoogle.com/dashboard/task-instances/6296903092273152/).',
    },
  ],
  [
    'task_deadline_extended_by_mentor.json',
    'extend',
    {
      topic: 'student-yqqtag',
      body: '**eeshangarg** extended the deadline for the task [Sails unspread it stopped at kearney](https://codein.withgoogle.com/dashboard/task-instances/6296903092273152/) by 1 day.',
    },
  ],
  [
    'task_deadline_has_passed.json',
    'outoftime',
    {
      topic: 'student-yqqtag',
      body: 'The deadline for the task [Sails unspread it stopped at kearney](https://codein.withgoogle.com/dashboard/task-instances/6694926301528064/) has passed.',
    },
  ],
  [
    'task_submitted_by_mentor_for_more_work.json',
    'needswork',
    {
      topic: 'student-yqqtag',
      body: '**eeshangarg** submitted the task [Sails unspread it stopped at kearney](https://codein.withgoogle.com/dashboard/task-instances/5136918324969472/) for more work.',
    },
  ],
  [
    'task_submitted_by_student.json',
    'submit',
    {
      topic: 'student-yqqtag',
      body: '**student-yqqtag** submitted the task [Sails unspread it stopped at kearney](https://codein.withgoogle.com/dashboard/task-instances/6296903092273152/).',
    },
  ],
];

export const SHARED_FIXTURES = sharedSuite(gciIntegration, SHARED_CASES);
