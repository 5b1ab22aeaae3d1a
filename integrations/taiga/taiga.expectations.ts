import { FixtureCase, sharedSuite } from '../core/testing';
import { taigaIntegration } from './taiga.handler';

/**
 * What the gateway makes of each captured payload in ../shared/fixtures/webhooks/taiga:
 * [fixture file, event name, message (null: recognised, nothing posted; UNSUPPORTED; ANOMALOUS)].
 */
const SHARED_CASES: FixtureCase[] = [
  [
    'epic_changed_assigned.json',
    'epic_change',
    {
      topic: 'General',
      body: '[Eeshan Garg](https://tree.taiga.io/profile/eeshangarg) assigned epic **Zulip is awesome!** to Eeshan Garg.',
    },
  ],
  [
    'epic_changed_blocked.json',
    'epic_change',
    {
      topic: 'General',
      body: '[Eeshan Garg](https://tree.taiga.io/profile/eeshangarg) blocked epic **Zulip is awesome!**.',
    },
  ],
  [
    'epic_changed_commented.json',
    'epic_change',
    {
      topic: 'General',
      body: '[Eeshan Garg](https://tree.taiga.io/profile/eeshangarg) commented on epic **Zulip is great!**.',
    },
  ],
  [
    'epic_changed_description.json',
    'epic_change',
    {
      topic: 'General',
      body: '[Eeshan Garg](https://tree.taiga.io/profile/eeshangarg) updated description of epic **Zulip is great!**.',
    },
  ],
  [
    'epic_changed_reassigned.json',
    'epic_change',
    {
      topic: 'General',
      body: '[Eeshan Garg](https://tree.taiga.io/profile/eeshangarg) reassigned epic **Zulip is awesome!** from Eeshan Garg to Angela Johnson.',
    },
  ],
  [
    'epic_changed_renamed.json',
    'epic_change',
    {
      topic: 'General',
      body: '[Eeshan Garg](https://tree.taiga.io/profile/eeshangarg) renamed epic from **Zulip is awesome!** to **Zulip is great!**.',
    },
  ],
  [
    'epic_changed_status.json',
    'epic_change',
    {
      topic: 'General',
      body: '[Eeshan Garg](https://tree.taiga.io/profile/eeshangarg) changed status of epic **Zulip is awesome!** from New to In progress.',
    },
  ],
  [
    'epic_changed_unassigned.json',
    'epic_change',
    {
      topic: 'General',
      body: '[Eeshan Garg](https://tree.taiga.io/profile/eeshangarg) unassigned epic **Zulip is awesome!**.',
    },
  ],
  [
    'epic_changed_unblocked.json',
    'epic_change',
    {
      topic: 'General',
      body: '[Eeshan Garg](https://tree.taiga.io/profile/eeshangarg) unblocked epic **Zulip is awesome!**.',
    },
  ],
  [
    'epic_created.json',
    'epic_create',
    {
      topic: 'General',
      body: '[Eeshan Garg](https://tree.taiga.io/profile/eeshangarg) created epic **Zulip is awesome!**.',
    },
  ],
  [
    'epic_deleted.json',
    'epic_delete',
    {
      topic: 'General',
      body: '[Eeshan Garg](https://tree.taiga.io/profile/eeshangarg) deleted epic **Zulip is great!**.',
    },
  ],
  [
    'issue_changed_assigned.json',
    'issue_change',
    {
      topic: 'General',
      body: '[TomaszKolek](https://tree.taiga.io/profile/kolaszek) assigned issue **New issue** to TomaszKolek.',
    },
  ],
  [
    'issue_changed_blocked.json',
    'issue_change',
    {
      topic: 'eres',
      body: '[Aditya Verma](https://tree.taiga.io/profile/orientor) blocked issue [Issues](https://tree.taiga.io/project/orientor-sd/issue/49).',
    },
  ],
  [
    'issue_changed_comment_added.json',
    'issue_change',
    {
      topic: 'General',
      body: '[TomaszKolek](https://tree.taiga.io/profile/kolaszek) commented on issue **New issue**.',
    },
  ],
  [
    'issue_changed_description.json',
    'issue_change',
    {
      topic: 'General',
      body: '[TomaszKolek](https://tree.taiga.io/profile/kolaszek) updated description of issue **New issue**.',
    },
  ],
  [
    'issue_changed_due_date.json',
    'issue_change',
    {
      topic: 'eres',
      body: '[Aditya Verma](https://tree.taiga.io/profile/orientor) changed due date of issue [Issues](https://tree.taiga.io/project/orientor-sd/issue/49) from 2020-03-08 to 2020-02-22.',
    },
  ],
  [
    'issue_changed_new_due_date.json',
    'issue_change',
    {
      topic: 'General',
      body: '[Aditya Verma](https://tree.taiga.io/profile/orientor) set due date of issue [Nice Issue](https://tree.taiga.io/project/orientor-sd/issue/53) to 2020-02-22.',
    },
  ],
  [
    'issue_changed_new_sprint.json',
    'issue_change',
    {
      topic: 'eres',
      body: '[Aditya Verma](https://tree.taiga.io/profile/orientor) added issue [Nice Issue](https://tree.taiga.io/project/orientor-sd/issue/53) to sprint eres.',
    },
  ],
  [
    'issue_changed_priority.json',
    'issue_change',
    {
      topic: 'General',
      body: '[TomaszKolek](https://tree.taiga.io/profile/kolaszek) changed priority of issue **New issue** from Normal to Low.',
    },
  ],
  [
    'issue_changed_reassigned.json',
    'issue_change',
    {
      topic: 'General',
      body: '[TomaszKolek](https://tree.taiga.io/profile/kolaszek) reassigned issue **New issue** from TomaszKolek to HanSolo.',
    },
  ],
  [
    'issue_changed_remove_sprint.json',
    'issue_change',
    {
      topic: 'General',
      body: '[Aditya Verma](https://tree.taiga.io/profile/orientor) detached issue [Nice Issue](https://tree.taiga.io/project/orientor-sd/issue/53) from sprint eres.',
    },
  ],
  [
    'issue_changed_severity.json',
    'issue_change',
    {
      topic: 'General',
      body: '[TomaszKolek](https://tree.taiga.io/profile/kolaszek) changed severity of issue **New issue** from Normal to Minor.',
    },
  ],
  [
    'issue_changed_status.json',
    'issue_change',
    {
      topic: 'General',
      body: '[TomaszKolek](https://tree.taiga.io/profile/kolaszek) changed status of issue **New issue** from New to In progress.',
    },
  ],
  [
    'issue_changed_subject.json',
    'issue_change',
    {
      topic: 'General',
      body: '[TomaszKolek](https://tree.taiga.io/profile/kolaszek) renamed issue New issue to **New issueNewSubject**.',
    },
  ],
  [
    'issue_changed_type.json',
    'issue_change',
    {
      topic: 'General',
      body: '[TomaszKolek](https://tree.taiga.io/profile/kolaszek) changed type of issue **New issue** from Bug to Question.',
    },
  ],
  [
    'issue_changed_unblocked.json',
    'issue_change',
    {
      topic: 'eres',
      body: '[Aditya Verma](https://tree.taiga.io/profile/orientor) unblocked issue [Issues](https://tree.taiga.io/project/orientor-sd/issue/49).',
    },
  ],
  [
    'issue_created.json',
    'issue_create',
    {
      topic: 'General',
      body: '[TomaszKolek](https://tree.taiga.io/profile/kolaszek) created issue **New issue**.',
    },
  ],
  [
    'issue_created_link.json',
    'issue_create',
    {
      topic: 'General',
      body: '[Aditya Verma](https://tree.taiga.io/profile/orientor) created issue [Issues](https://tree.taiga.io/project/orientor-sd/issue/49).',
    },
  ],
  [
    'issue_deleted.json',
    'issue_delete',
    {
      topic: 'General',
      body: '[TomaszKolek](https://tree.taiga.io/profile/kolaszek) deleted issue **New issue**.',
    },
  ],
  [
    'relateduserstory_created.json',
    'relateduserstory_create',
    {
      topic: 'General',
      body: '[Eeshan Garg](https://tree.taiga.io/profile/eeshangarg) added a related user story **A related user story** to the epic **This is Epic!**.',
    },
  ],
  [
    'relateduserstory_created_link.json',
    'relateduserstory_create',
    {
      topic: 'General',
      body: '[Aditya Verma](https://tree.taiga.io/profile/orientor) added a related user story [Nice Issue](https://tree.taiga.io/project/orientor-sd/us/54) to the epic [ASAS](https://tree.taiga.io/project/orientor-sd/epic/42).',
    },
  ],
  [
    'relateduserstory_deleted.json',
    'relateduserstory_delete',
    {
      topic: 'General',
      body: '[Eeshan Garg](https://tree.taiga.io/profile/eeshangarg) removed a related user story **A related user story, which is epic** from the epic **This is Epic!**.',
    },
  ],
  [
    'sprint_changed_name.json',
    'milestone_change',
    {
      topic: 'General',
      body: '[TomaszKolek](https://tree.taiga.io/profile/kolaszek) renamed sprint from New sprint to **New name**.',
    },
  ],
  [
    'sprint_changed_time.json',
    'milestone_change',
    {
      topic: 'General',
      body: '[TomaszKolek](https://tree.taiga.io/profile/kolaszek) changed estimated finish of sprint **New sprint** from 2017-01-24 to 2017-01-25.',
    },
  ],
  [
    'sprint_created.json',
    'milestone_create',
    {
      topic: 'General',
      body: '[TomaszKolek](https://tree.taiga.io/profile/kolaszek) created sprint **New sprint**.',
    },
  ],
  [
    'sprint_deleted.json',
    'milestone_delete',
    {
      topic: 'General',
      body: '[TomaszKolek](https://tree.taiga.io/profile/kolaszek) deleted sprint **New name**.',
    },
  ],
  [
    'task_changed_assigned.json',
    'task_change',
    {
      topic: 'General',
      body: '[TomaszKolek](https://tree.taiga.io/profile/kolaszek) assigned task **New Task** to TomaszKolek.',
    },
  ],
  [
    'task_changed_blocked.json',
    'task_change',
    {
      topic: 'General',
      body: '[TomaszKolek](https://tree.taiga.io/profile/kolaszek) blocked task **New Task**.',
    },
  ],
  [
    'task_changed_blocked_link.json',
    'task_change',
    {
      topic: 'General',
      body: '[Aditya Verma](https://tree.taiga.io/profile/orientor) blocked task [nice task](https://tree.taiga.io/project/orientor-sd/task/56).',
    },
  ],
  [
    'task_changed_comment_added.json',
    'task_change',
    {
      topic: 'General',
      body: '[TomaszKolek](https://tree.taiga.io/profile/kolaszek) commented on task **New Task**.',
    },
  ],
  [
    'task_changed_description.json',
    'task_change',
    {
      topic: 'General',
      body: '[TomaszKolek](https://tree.taiga.io/profile/kolaszek) updated description of task **New Task**.',
    },
  ],
  [
    'task_changed_due_date.json',
    'task_change',
    {
      topic: 'General',
      body: '[Aditya Verma](https://tree.taiga.io/profile/orientor) changed due date of task [nice task](https://tree.taiga.io/project/orientor-sd/task/56) from 2020-02-22 to 2020-02-15.',
    },
  ],
  [
    'task_changed_new_due_date.json',
    'task_change',
    {
      topic: 'General',
      body: '[Aditya Verma](https://tree.taiga.io/profile/orientor) set due date of task [nice task](https://tree.taiga.io/project/orientor-sd/task/56) to 2020-02-22.',
    },
  ],
  [
    'task_changed_reassigned.json',
    'task_change',
    {
      topic: 'General',
      body: '[TomaszKolek](https://tree.taiga.io/profile/kolaszek) reassigned task **New Task** from HanSolo to TomaszKolek.',
    },
  ],
  [
    'task_changed_status.json',
    'task_change',
    {
      topic: 'General',
      body: '[TomaszKolek](https://tree.taiga.io/profile/kolaszek) changed status of task **New Task** from New to In progress.',
    },
  ],
  [
    'task_changed_subject.json',
    'task_change',
    {
      topic: 'General',
      body: '[TomaszKolek](https://tree.taiga.io/profile/kolaszek) renamed task New Task to **New Task Subject**.',
    },
  ],
  [
    'task_changed_unblocked.json',
    'task_change',
    {
      topic: 'General',
      body: '[TomaszKolek](https://tree.taiga.io/profile/kolaszek) unblocked task **New Task**.',
    },
  ],
  [
    'task_changed_user_stories.json',
    'task_change',
    {
      topic: 'Another one',
      body: '[Eeshan Garg](https://tree.taiga.io/profile/eeshangarg) added task **Get this task done** to sprint Another one.\n[Eeshan Garg](https://tree.taiga.io/profile/eeshangarg) moved task **Get this task done** from user story #7 Yaar ne scirra! to #8 A related user story, which is epic.',
    },
  ],
  [
    'task_created.json',
    'task_create',
    {
      topic: 'General',
      body: '[TomaszKolek](https://tree.taiga.io/profile/kolaszek) created task **New Task**.',
    },
  ],
  [
    'task_deleted.json',
    'task_delete',
    {
      topic: 'General',
      body: '[TomaszKolek](https://tree.taiga.io/profile/kolaszek) deleted task **New Task**.',
    },
  ],
  [
    'userstory_changed_assigned.json',
    'userstory_change',
    {
      topic: 'General',
      body: '[TomaszKolek](https://tree.taiga.io/profile/kolaszek) assigned user story **UserStory** to TomaszKolek.',
    },
  ],
  [
    'userstory_changed_blocked.json',
    'userstory_change',
    {
      topic: 'General',
      body: '[TomaszKolek](https://tree.taiga.io/profile/kolaszek) blocked user story **UserStory**.',
    },
  ],
  [
    'userstory_changed_closed.json',
    'userstory_change',
    {
      topic: 'General',
      body: '[TomaszKolek](https://tree.taiga.io/profile/kolaszek) changed status of user story **UserStory** from New to Done.\n[TomaszKolek](https://tree.taiga.io/profile/kolaszek) closed user story **UserStory**.',
    },
  ],
  [
    'userstory_changed_comment_added.json',
    'userstory_change',
    {
      topic: 'General',
      body: '[TomaszKolek](https://tree.taiga.io/profile/kolaszek) commented on user story **UserStory**.',
    },
  ],
  [
    'userstory_changed_description.json',
    'userstory_change',
    {
      topic: 'General',
      body: '[TomaszKolek](https://tree.taiga.io/profile/kolaszek) updated description of user story **UserStory**.',
    },
  ],
  [
    'userstory_changed_due_date.json',
    'userstory_change',
    {
      topic: 'General',
      body: '[Aditya Verma](https://tree.taiga.io/profile/orientor) changed due date of user story [Nice Issue](https://tree.taiga.io/project/orientor-sd/us/54) from 2020-02-15 to 2020-02-22.',
    },
  ],
  [
    'userstory_changed_new_due_date.json',
    'userstory_change',
    {
      topic: 'General',
      body: '[Aditya Verma](https://tree.taiga.io/profile/orientor) set due date of user story [random](https://tree.taiga.io/project/orientor-sd/us/58) to 2020-02-15.',
    },
  ],
  [
    'userstory_changed_new_sprint.json',
    'userstory_change',
    {
      topic: 'Sprint1',
      body: '[TomaszKolek](https://tree.taiga.io/profile/kolaszek) added user story **UserStory** to sprint Sprint1.',
    },
  ],
  [
    'userstory_changed_points.json',
    'userstory_change',
    {
      topic: 'General',
      body: '[TomaszKolek](https://tree.taiga.io/profile/kolaszek) changed estimation of user story **UserStory**.',
    },
  ],
  [
    'userstory_changed_reassigned.json',
    'userstory_change',
    {
      topic: 'General',
      body: '[TomaszKolek](https://tree.taiga.io/profile/kolaszek) reassigned user story **UserStory** from TomaszKolek to HanSolo.',
    },
  ],
  [
    'userstory_changed_remove_sprint.json',
    'userstory_change',
    {
      topic: 'General',
      body: '[TomaszKolek](https://tree.taiga.io/profile/kolaszek) removed user story **UserStory** from sprint Sprint2.',
    },
  ],
  [
    'userstory_changed_reopened.json',
    'userstory_change',
    {
      topic: 'General',
      body: '[TomaszKolek](https://tree.taiga.io/profile/kolaszek) changed status of user story **UserStory** from Done to Ready.\n[TomaszKolek](https://tree.taiga.io/profile/kolaszek) reopened user story **UserStory**.',
    },
  ],
  [
    'userstory_changed_sprint.json',
    'userstory_change',
    {
      topic: 'Sprint2',
      body: '[TomaszKolek](https://tree.taiga.io/profile/kolaszek) changed sprint of user story **UserStory** from Sprint1 to Sprint2.',
    },
  ],
  [
    'userstory_changed_status.json',
    'userstory_change',
    {
      topic: 'General',
      body: '[TomaszKolek](https://tree.taiga.io/profile/kolaszek) changed status of user story **UserStory** from Ready to In progress.',
    },
  ],
  [
    'userstory_changed_subject.json',
    'userstory_change',
    {
      topic: 'General',
      body: '[TomaszKolek](https://tree.taiga.io/profile/kolaszek) renamed user story from UserStory to **UserStoryNewSubject**.',
    },
  ],
  [
    'userstory_changed_unassigned.json',
    'userstory_change',
    {
      topic: 'General',
      body: '[TomaszKolek](https://tree.taiga.io/profile/kolaszek) unassigned user story **UserStory**.',
    },
  ],
  [
    'userstory_changed_unblocked.json',
    'userstory_change',
    {
      topic: 'General',
      body: '[TomaszKolek](https://tree.taiga.io/profile/kolaszek) unblocked user story **UserStory**.',
    },
  ],
  [
    'userstory_created.json',
    'userstory_create',
    {
      topic: 'General',
      body: '[TomaszKolek](https://tree.taiga.io/profile/kolaszek) created user story **New userstory**.',
    },
  ],
  [
    'userstory_deleted.json',
    'userstory_delete',
    {
      topic: 'General',
      body: '[TomaszKolek](https://tree.taiga.io/profile/kolaszek) deleted user story **New userstory**.',
    },
  ],
  [
    'webhook_test.json',
    'test',
    {
      topic: 'General',
      body: '[Jan](https://tree.taiga.io/profile/kostek) triggered a test of the Taiga integration.',
    },
  ],
];

export const SHARED_FIXTURES = sharedSuite(taigaIntegration, SHARED_CASES);
