import { FixtureCase, sharedSuite } from '../core/testing';
import { clubhouseIntegration } from './clubhouse.handler';

/**
 * What the gateway makes of each captured payload in ../shared/fixtures/webhooks/clubhouse:
 * [fixture file, event name, message(s) (null: recognised, nothing posted)].
 */
const SHARED_CASES: FixtureCase[] = [
  [
    'epic_archive.json',
    'epic_update_archived',
    { topic: 'Zulip is epic!', body: 'The epic **Zulip is epic!** was archived.' },
  ],
  [
    'epic_create.json',
    'epic_create',
    { topic: 'New Epic!', body: 'New epic **New Epic!** (to do) was created.' },
  ],
  [
    'epic_create_story.json',
    'story_create',
    {
      topic: 'An epic story!',
      body: 'New story [An epic story!](https://app.clubhouse.io/zulip/story/23) was created and added to the epic **New Cool Epic!**.',
    },
  ],
  [
    'epic_delete.json',
    'epic_delete',
    { topic: 'Clubhouse Fork', body: 'The epic **Clubhouse Fork** was deleted.' },
  ],
  [
    'epic_update_add_comment.json',
    'epic-comment_create',
    {
      topic: 'New Cool Epic!',
      body: 'New comment added to the epic **New Cool Epic!**:\n~~~ quote\nAdded a comment on this Epic!\n~~~',
    },
  ],
  [
    'epic_update_add_description.json',
    'epic_update_description',
    {
      topic: 'New Cool Epic!',
      body: 'New description added to the epic **New Cool Epic!**:\n~~~ quote\nAdded a description!\n~~~',
    },
  ],
  [
    'epic_update_change_description.json',
    'epic_update_description',
    {
      topic: 'New Cool Epic!',
      body: 'Description for the epic **New Cool Epic!** was changed from:\n~~~ quote\nAdded a description!\n~~~\nto\n~~~ quote\nChanged a description!\n~~~',
    },
  ],
  [
    'epic_update_change_state.json',
    'epic_update_state',
    {
      topic: 'New Cool Epic!',
      body: 'State of the epic **New Cool Epic!** was changed from **to do** to **in progress**.',
    },
  ],
  [
    'epic_update_change_title.json',
    'epic_update_name',
    {
      topic: 'New Cool Epic!',
      body: 'The name of the epic **New Cool Epic!** was changed from:\n~~~ quote\nNew Epic!\n~~~\nto\n~~~ quote\nNew Cool Epic!\n~~~',
    },
  ],
  [
    'epic_update_remove_description.json',
    'epic_update_description',
    { topic: 'New Cool Epic!', body: 'Description for the epic **New Cool Epic!** was removed.' },
  ],
  [
    'story_archive.json',
    'story_update_archived',
    {
      topic: 'Story 2',
      body: 'The story [Story 2](https://app.clubhouse.io/zulip/story/9) was archived.',
    },
  ],
  ['story_comment_updated.json', 'story-comment_update', null],
  [
    'story_create.json',
    'story_create',
    {
      topic: 'Add cool feature!',
      body: 'New story [Add cool feature!](https://app.clubhouse.io/zulip/story/11) of type **feature** was created.',
    },
  ],
  [
    'story_delete.json',
    'story_delete',
    { topic: 'New random story', body: 'The story **New random story** was deleted.' },
  ],
  [
    'story_task_complete.json',
    'story-task_update_complete',
    {
      topic: 'Add cool feature!',
      body: 'Task **A new task for this story** ([Add cool feature!](https://app.clubhouse.io/zulip/story/11)) was completed. :tada:',
    },
  ],
  [
    'story_task_create.json',
    'story-task_create',
    {
      topic: 'Add cool feature!',
      body: 'Task **Added a new task** was added to the story [Add cool feature!](https://app.clubhouse.io/zulip/story/11).',
    },
  ],
  [
    'story_task_delete.json',
    'story-task_delete',
    {
      topic: 'Add cool feature!',
      body: 'Task **Added a new task** was removed from the story [Add cool feature!](https://app.clubhouse.io/zulip/story/11).',
    },
  ],
  ['story_task_not_complete.json', 'story-task_update_complete', null],
  [
    'story_unarchive.json',
    'story_update_archived',
    {
      topic: 'Story 2',
      body: 'The story [Story 2](https://app.clubhouse.io/zulip/story/9) was unarchived.',
    },
  ],
  [
    'story_update_add_attachment.json',
    'story_update_attachment',
    {
      topic: 'Add cool feature!',
      body: 'A file attachment `zuliprc` was added to the story [Add cool feature!](https://app.clubhouse.io/zulip/story/11).',
    },
  ],
  [
    'story_update_add_comment.json',
    'story-comment_create',
    {
      topic: 'Add cool feature!',
      body: 'New comment added to the story [Add cool feature!](https://app.clubhouse.io/zulip/story/11):\n~~~ quote\nJust leaving a comment here!\n~~~',
    },
  ],
  [
    'story_update_add_description.json',
    'story_update_description',
    {
      topic: 'Story 2',
      body: 'New description added to the story [Story 2](https://app.clubhouse.io/zulip/story/9):\n~~~ quote\nAdded a description.\n~~~',
    },
  ],
  [
    'story_update_add_epic.json',
    'story_update_epic',
    {
      topic: 'Add cool feature!',
      body: 'The story [Add cool feature!](https://app.clubhouse.io/zulip/story/11) was added to the epic **Release 1.9**.',
    },
  ],
  [
    'story_update_add_estimate.json',
    'story_update_estimate',
    {
      topic: 'Add cool feature!',
      body: 'The estimate for the story [Add cool feature!](https://app.clubhouse.io/zulip/story/11) was set to 4 points.',
    },
  ],
  [
    'story_update_add_github_branch.json',
    'branch_create',
    {
      topic: 'Testing pull requests with Story',
      body: 'New GitHub branch [eeshangarg/ch27/testing-pull-requests-with-story](https://github.com/eeshangarg/scheduler/tree/eeshangarg/ch27/testing-pull-requests-with-story) associated with story [Testing pull requests with Story](https://app.clubhouse.io/zulip/story/27) (Unscheduled -> In Development).',
    },
  ],
  [
    'story_update_add_github_multiple_pull_requests.json',
    'pull-request_create',
    [
      {
        topic: 'Story1',
        body: 'New GitHub PR [#2](https://github.com/PIG208/test-clubhouse/pull/2) opened for story [Story1](https://app.clubhouse.io/pig208/story/17) (Unscheduled -> In Development).',
      },
      {
        topic: 'Story2',
        body: 'New GitHub PR [#2](https://github.com/PIG208/test-clubhouse/pull/2) opened for story [Story2](https://app.clubhouse.io/pig208/story/18) (Unscheduled -> In Development).',
      },
    ],
  ],
  [
    'story_update_add_github_multiple_pull_requests_with_comment.json',
    'pull-request_comment',
    [
      {
        topic: 'new1',
        body: 'Existing GitHub PR [#1](https://github.com/PIG208/test-clubhouse/pull/1) associated with story [new1](https://app.clubhouse.io/pig208/story/26) (Unscheduled -> In Development).',
      },
      {
        topic: 'new2',
        body: 'Existing GitHub PR [#1](https://github.com/PIG208/test-clubhouse/pull/1) associated with story [new2](https://app.clubhouse.io/pig208/story/27) (Unscheduled -> In Development).',
      },
    ],
  ],
  [
    'story_update_add_github_pull_request.json',
    'pull-request_create',
    {
      topic: 'Testing pull requests with Story',
      body: 'New GitHub PR [#10](https://github.com/eeshangarg/Scheduler/pull/10) opened for story [Testing pull requests with Story](https://app.clubhouse.io/zulip/story/28) (Unscheduled -> Ready for Review).',
    },
  ],
  [
    'story_update_add_github_pull_request_with_comment.json',
    'pull-request_comment',
    {
      topic: 'asd2',
      body: 'Existing GitHub PR [#2](https://github.com/PIG208/test-clubhouse/pull/2) associated with story [asd2](https://app.clubhouse.io/pig208/story/15).',
    },
  ],
  [
    'story_update_add_github_pull_request_without_workflow_state.json',
    'pull-request_create',
    {
      topic: 'Testing pull requests with Story',
      body: 'New GitHub PR [#10](https://github.com/eeshangarg/Scheduler/pull/10) opened for story [Testing pull requests with Story](https://app.clubhouse.io/zulip/story/28).',
    },
  ],
  [
    'story_update_add_label.json',
    'story_update_label',
    {
      topic: 'An epic story!',
      body: 'The label **mockup** was added to the story [An epic story!](https://app.clubhouse.io/zulip/story/23).',
    },
  ],
  [
    'story_update_add_label_name_in_action.json',
    'story_update_label',
    {
      topic: 'An emotional story!',
      body: 'The label **sad** was added to the story [An emotional story!](https://app.clubhouse.io/zulip/story/28).',
    },
  ],
  [
    'story_update_add_multiple_labels.json',
    'story_update_label',
    {
      topic: 'An epic story!',
      body: 'The labels **mockup**, **label** were added to the story [An epic story!](https://app.clubhouse.io/zulip/story/23).',
    },
  ],
  [
    'story_update_add_owner.json',
    'story_update_owner',
    {
      topic: 'A new story by Shakespeare!',
      body: 'New owner added to the story [A new story by Shakespeare!](https://app.clubhouse.io/zulip/story/26).',
    },
  ],
  [
    'story_update_change_epic.json',
    'story_update_epic',
    {
      topic: 'Add cool feature!',
      body: 'The story [Add cool feature!](https://app.clubhouse.io/zulip/story/11) was moved from **Release 1.9** to **Clubhouse Fork**.',
    },
  ],
  [
    'story_update_change_estimate.json',
    'story_update_estimate',
    {
      topic: 'Add cool feature!',
      body: 'The estimate for the story [Add cool feature!](https://app.clubhouse.io/zulip/story/11) was set to 4 points.',
    },
  ],
  [
    'story_update_change_project.json',
    'story_update_project',
    {
      topic: 'Add cool feature!',
      body: 'The story [Add cool feature!](https://app.clubhouse.io/zulip/story/11) was moved from the **Backend** project to **Devops**.',
    },
  ],
  [
    'story_update_change_state.json',
    'story_update_state',
    {
      topic: 'Add cool feature!',
      body: 'State of the story [Add cool feature!](https://app.clubhouse.io/zulip/story/11) was changed from **Unscheduled** to **Ready for Review**.',
    },
  ],
  [
    'story_update_change_title.json',
    'story_update_name',
    {
      topic: 'Add super cool feature!',
      body: 'The name of the story [Add super cool feature!](https://app.clubhouse.io/zulip/story/11) was changed from:\n~~~ quote\nAdd cool feature!\n~~~\nto\n~~~ quote\nAdd super cool feature!\n~~~',
    },
  ],
  [
    'story_update_change_type.json',
    'story_update_type',
    {
      topic: 'Add cool feature!',
      body: 'The type of the story [Add cool feature!](https://app.clubhouse.io/zulip/story/11) was changed from **feature** to **bug**.',
    },
  ],
  [
    'story_update_description.json',
    'story_update_description',
    {
      topic: 'Add cool feature!',
      body: 'Description for the story [Add cool feature!](https://app.clubhouse.io/zulip/story/11) was changed from:\n~~~ quote\nWe should probably add this cool feature!\n~~~\nto\n~~~ quote\nWe should probably add this cool feature! Just edited this. :)\n~~~',
    },
  ],
  [
    'story_update_everything_at_once.json',
    'story_update_batch',
    [
      {
        topic: 'asd4',
        body: 'The story [asd4](https://app.clubhouse.io/pig208/story/17) was moved from Epic [epic](https://app.clubhouse.io/pig208/epic/29) to [testeipc](https://app.clubhouse.io/pig208/epic/23), Project [Product Development](https://app.clubhouse.io/pig208/project/2) to [test2](https://app.clubhouse.io/pig208/project/28), and changed from type **feature** to **bug**, and added with the new label [low priority](https://app.clubhouse.io/pig208/label/8) (In Development -> Ready for Review).',
      },
      {
        topic: 'new1',
        body: 'The story [new1](https://app.clubhouse.io/pig208/story/26) was moved from Epic [epic](https://app.clubhouse.io/pig208/epic/29) to [testeipc](https://app.clubhouse.io/pig208/epic/23), Project [Product Development](https://app.clubhouse.io/pig208/project/2) to [test2](https://app.clubhouse.io/pig208/project/28), and changed from type **feature** to **bug**, and added with the new label [low priority](https://app.clubhouse.io/pig208/label/8) (In Development -> Ready for Review).',
      },
      {
        topic: 'new2',
        body: 'The story [new2](https://app.clubhouse.io/pig208/story/27) was moved from Epic [epic](https://app.clubhouse.io/pig208/epic/29) to [testeipc](https://app.clubhouse.io/pig208/epic/23), Project [Product Development](https://app.clubhouse.io/pig208/project/2) to [test2](https://app.clubhouse.io/pig208/project/28), and changed from type **feature** to **bug**, and added with the new label [low priority](https://app.clubhouse.io/pig208/label/8) (In Development -> Ready for Review).',
      },
    ],
  ],
  [
    'story_update_everything_at_once_skip_removed_labels.json',
    'story_update_batch',
    [
      {
        topic: 'asd4',
        body: 'The story [asd4](https://app.clubhouse.io/pig208/story/17) was moved from Epic [epic](https://app.clubhouse.io/pig208/epic/29) to [testeipc](https://app.clubhouse.io/pig208/epic/23), Project [Product Development](https://app.clubhouse.io/pig208/project/2) to [test2](https://app.clubhouse.io/pig208/project/28), and changed from type **feature** to **bug** (In Development -> Ready for Review).',
      },
      {
        topic: 'new1',
        body: 'The story [new1](https://app.clubhouse.io/pig208/story/26) was moved from Epic [epic](https://app.clubhouse.io/pig208/epic/29) to [testeipc](https://app.clubhouse.io/pig208/epic/23), Project [Product Development](https://app.clubhouse.io/pig208/project/2) to [test2](https://app.clubhouse.io/pig208/project/28), and changed from type **feature** to **bug** (In Development -> Ready for Review).',
      },
      {
        topic: 'new2',
        body: 'The story [new2](https://app.clubhouse.io/pig208/story/27) was moved from Epic [epic](https://app.clubhouse.io/pig208/epic/29) to [testeipc](https://app.clubhouse.io/pig208/epic/23), Project [Product Development](https://app.clubhouse.io/pig208/project/2) to [test2](https://app.clubhouse.io/pig208/project/28), and changed from type **feature** to **bug** (In Development -> Ready for Review).',
      },
    ],
  ],
  [
    'story_update_multiple_at_once.json',
    'story_update_batch',
    [
      {
        topic: 'asd4',
        body: 'The type of the story [asd4](https://app.clubhouse.io/pig208/story/17) was changed from **feature** to **bug**.',
      },
      {
        topic: 'new1',
        body: 'The story [new1](https://app.clubhouse.io/pig208/story/26) was moved from [epic](https://app.clubhouse.io/pig208/epic/29) to [testeipc](https://app.clubhouse.io/pig208/epic/23).',
      },
      {
        topic: 'new2',
        body: 'The label [low priority](https://app.clubhouse.io/pig208/label/8) was added to the story [new2](https://app.clubhouse.io/pig208/story/27).',
      },
      {
        topic: 'new3',
        body: 'State of the story [new3](https://app.clubhouse.io/pig208/story/28) was changed from **In Development** to **Ready for Review**.',
      },
      {
        topic: 'new4',
        body: 'The story [new4](https://app.clubhouse.io/pig208/story/29) was moved from the [Product Development](https://app.clubhouse.io/pig208/project/2) project to [test2](https://app.clubhouse.io/pig208/project/28).',
      },
    ],
  ],
  ['story_update_multiple_not_supported.json', 'story_update_batch', null],
  ['story_update_remove_attachment.json', 'story_update_attachment', null],
  [
    'story_update_remove_description.json',
    'story_update_description',
    {
      topic: 'Add cool feature!',
      body: 'Description for the story [Add cool feature!](https://app.clubhouse.io/zulip/story/11) was removed.',
    },
  ],
  [
    'story_update_remove_epic.json',
    'story_update_epic',
    {
      topic: 'Add cool feature!',
      body: 'The story [Add cool feature!](https://app.clubhouse.io/zulip/story/11) was removed from the epic **Release 1.9**.',
    },
  ],
  [
    'story_update_remove_estimate.json',
    'story_update_estimate',
    {
      topic: 'Add cool feature!',
      body: 'The estimate for the story [Add cool feature!](https://app.clubhouse.io/zulip/story/11) was set to *Unestimated*.',
    },
  ],
  ['story_update_remove_label.json', 'story_update_label', null],
];

export const SHARED_FIXTURES = sharedSuite(clubhouseIntegration, SHARED_CASES);
