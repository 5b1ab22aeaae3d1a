import { ANOMALOUS, FixtureCase, sharedSuite, UNSUPPORTED } from '../core/testing';
import { jiraIntegration } from './jira.handler';

/**
 * What the gateway makes of each captured payload in ../shared/fixtures/webhooks/jira:
 * [fixture file, event name, message (null: recognised, nothing posted; UNSUPPORTED; ANOMALOUS)].
 */
const SHARED_CASES: FixtureCase[] = [
  [
    'change_status_v1.json',
    'jira:issue_updated',
    {
      topic: 'TEST-1: Fix That',
      body: 'Leonardo Franchi [Administrator] updated [TEST-1: Fix That](https://zulipp.atlassian.net/browse/TEST-1):\n\n* Changed status from **To Do** to **In Progress**',
    },
  ],
  [
    'change_status_v2.json',
    'jira:issue_updated',
    {
      topic: 'TEST-1: Fix That',
      body: 'Leonardo Franchi [Administrator] updated [TEST-1: Fix That](https://zulipp.atlassian.net/browse/TEST-1):\n\n* Changed status from **To Do** to **In Progress**',
    },
  ],
  [
    'comment_created.json',
    'comment_created',
    {
      topic: 'SP-1: Add support for newer format Jira issue comment events',
      body: 'Hemanth V. Alluri commented on [SP-1: Add support for newer format Jira issue comment events](https://f20171170.atlassian.net/browse/SP-1):\n\n~~~ quote\nSounds like it’s pretty important. I’ll get this fixed ASAP!\n~~~',
    },
  ],
  [
    'comment_created_no_issue_details.json',
    'comment_created',
    {
      topic: '10000: Upgrade Jira to get the issue title here.',
      body: 'Hemanth V. Alluri commented on 10000: Upgrade Jira to get the issue title here.\n\n~~~ quote\nSounds like it’s pretty important. I’ll get this fixed ASAP!\n~~~',
    },
  ],
  [
    'comment_deleted.json',
    'comment_deleted',
    {
      topic: 'SP-1: Add support for newer format Jira issue comment events',
      body: 'Hemanth V. Alluri deleted their comment on [SP-1: Add support for newer format Jira issue comment events](https://f20171170.atlassian.net/browse/SP-1):\n\n~~~ quote\n~~This is a very important issue! I’m on it!~~\n~~~',
    },
  ],
  [
    'comment_deleted_v2.json',
    'jira:issue_updated',
    {
      topic: 'TOM-1: New Issue',
      body: 'Tomasz Kolek deleted a comment from [TOM-1: New Issue](https://zuliptomek.atlassian.net/browse/TOM-1) (assigned to **Tomasz Kolek**).',
    },
  ],
  [
    'comment_edited_v2.json',
    'jira:issue_updated',
    {
      topic: 'BUG-15: New bug with hook',
      body: 'Leo Franchi edited a comment on [BUG-15: New bug with hook](http://lfranchi.com:8080/browse/BUG-15) (assigned to **Leo Franchi**):\n\n~~~ quote\nAdding a comment. Oh, what a comment it is!\n~~~',
    },
  ],
  [
    'comment_updated.json',
    'comment_updated',
    {
      topic: 'SP-1: Add support for newer format Jira issue comment events',
      body: 'Hemanth V. Alluri updated their comment on [SP-1: Add support for newer format Jira issue comment events](https://f20171170.atlassian.net/browse/SP-1):\n\n~~~ quote\nThis is a very important issue! I’m on it!\n~~~',
    },
  ],
  [
    'commented_markup_v1.json',
    'jira:issue_updated',
    {
      topic: 'TEST-7: Testing of rich text',
      body: 'Leonardo Franchi [Administrator] commented on [TEST-7: Testing of rich text](https://zulipp.atlassian.net/browse/TEST-7):\n\n``` quote\nThis is a comment that likes to **exercise** a lot of _different_ `conventions` that `jira uses`.\n\n~~~\nthis code is not highlighted, but monospaced\n~~~\n\n~~~\ndef python():\n    print "likes to be formatted"\n~~~\n\n[http://www.google.com](http://www.google.com) is a bare link, and [Google](http://www.google.com) is given a title.\n\nThanks!\n\n~~~ quote\nSomeone said somewhere\n~~~\n```',
    },
  ],
  [
    'commented_markup_v2.json',
    'jira:issue_updated',
    {
      topic: 'TEST-7: Testing of rich text',
      body: 'Leonardo Franchi [Administrator] commented on [TEST-7: Testing of rich text](https://zulipp.atlassian.net/browse/TEST-7):\n\n``` quote\nThis is a comment that likes to **exercise** a lot of _different_ `conventions` that `jira uses`.\n\n~~~\nthis code is not highlighted, but monospaced\n~~~\n\n~~~\ndef python():\n    print "likes to be formatted"\n~~~\n\n[http://www.google.com](http://www.google.com) is a bare link, and [Google](http://www.google.com) is given a title.\n\nThanks!\n\n~~~ quote\nSomeone said somewhere\n~~~\n```',
    },
  ],
  [
    'commented_v1.json',
    'jira:issue_updated',
    {
      topic: 'BUG-15: New bug with hook',
      body: 'Leo Franchi commented on [BUG-15: New bug with hook](http://lfranchi.com:8080/browse/BUG-15) (assigned to **Leo Franchi**):\n\n~~~ quote\nAdding a comment. Oh, what a comment it is!\n~~~',
    },
  ],
  [
    'commented_v2.json',
    'jira:issue_updated',
    {
      topic: 'BUG-15: New bug with hook',
      body: 'Leo Franchi commented on [BUG-15: New bug with hook](http://lfranchi.com:8080/browse/BUG-15) (assigned to **Leo Franchi**):\n\n~~~ quote\nAdding a comment. Oh, what a comment it is!\n~~~',
    },
  ],
  [
    'commented_v2_with_two_full_links.json',
    'jira:issue_updated',
    {
      topic: 'BUG-15: New bug with hook',
      body: 'Leo Franchi commented on [BUG-15: New bug with hook](http://lfranchi.com:8080/browse/BUG-15) (assigned to **Leo Franchi**):\n\n~~~ quote\nThis is the [first link](https://google.com) and this is the [second link](https://google.com) and this is the end.\n~~~',
    },
  ],
  [
    'created_assignee_v1.json',
    'jira:issue_created',
    {
      topic: 'TEST-4: Test Created Assignee',
      body: 'Leonardo Franchi [Administrator] created [TEST-4: Test Created Assignee](https://zulipp.atlassian.net/browse/TEST-4):\n\n* **Priority**: Major\n* **Assignee**: Leonardo Franchi [Administrator]',
    },
  ],
  [
    'created_assignee_v2.json',
    'jira:issue_created',
    {
      topic: 'TEST-4: Test Created Assignee',
      body: 'Leonardo Franchi [Administrator] created [TEST-4: Test Created Assignee](https://zulipp.atlassian.net/browse/TEST-4):\n\n* **Priority**: Major\n* **Assignee**: Leonardo Franchi [Administrator]',
    },
  ],
  [
    'created_v1.json',
    'jira:issue_created',
    {
      topic: 'BUG-15: New bug with hook',
      body: 'Leo Franchi created [BUG-15: New bug with hook](http://lfranchi.com:8080/browse/BUG-15):\n\n* **Priority**: Major\n* **Assignee**: no one',
    },
  ],
  [
    'created_v2.json',
    'jira:issue_created',
    {
      topic: 'BUG-15: New bug with hook',
      body: 'Leo Franchi created [BUG-15: New bug with hook](http://lfranchi.com:8080/browse/BUG-15):\n\n* **Priority**: Major\n* **Assignee**: no one',
    },
  ],
  [
    'created_with_unicode_v1.json',
    'jira:issue_created',
    {
      topic: 'BUG-15: New bug with à hook',
      body: 'Leo Franchià created [BUG-15: New bug with à hook](http://lfranchi.com:8080/browse/BUG-15):\n\n* **Priority**: Major\n* **Assignee**: no one',
    },
  ],
  [
    'created_with_unicode_v2.json',
    'jira:issue_created',
    {
      topic: 'BUG-15: New bug with à hook',
      body: 'Leo Franchià created [BUG-15: New bug with à hook](http://lfranchi.com:8080/browse/BUG-15):\n\n* **Priority**: Major\n* **Assignee**: no one',
    },
  ],
  [
    'deleted_v1.json',
    'jira:issue_deleted',
    {
      topic: 'BUG-15: New bug with hook',
      body: 'Leo Franchi deleted [BUG-15: New bug with hook](http://lfranchi.com:8080/browse/BUG-15).',
    },
  ],
  [
    'deleted_v2.json',
    'jira:issue_deleted',
    {
      topic: 'BUG-15: New bug with hook',
      body: 'Leo Franchi deleted [BUG-15: New bug with hook](http://lfranchi.com:8080/browse/BUG-15).',
    },
  ],
  ['example_anomalous_payload.json', '', ANOMALOUS],
  [
    'reassigned_v1.json',
    'jira:issue_updated',
    {
      topic: 'BUG-15: New bug with hook',
      body: 'Leo Franchi updated [BUG-15: New bug with hook](http://lfranchi.com:8080/browse/BUG-15) (assigned to **Leo Franchi**):\n\n* Changed assignee to **Leo Franchi**',
    },
  ],
  [
    'reassigned_v2.json',
    'jira:issue_updated',
    {
      topic: 'BUG-15: New bug with hook',
      body: 'Leo Franchi updated [BUG-15: New bug with hook](http://lfranchi.com:8080/browse/BUG-15) (assigned to **Leo Franchi**):\n\n* Changed assignee to **Leo Franchi**',
    },
  ],
  ['unknown_v1.json', 'jira:issue_unknown', UNSUPPORTED],
  ['unknown_v2.json', 'jira:issue_unknown', UNSUPPORTED],
  [
    'updated_priority_v1.json',
    'jira:issue_updated',
    {
      topic: 'TEST-1: Fix That',
      body: 'Leonardo Franchi [Administrator] updated [TEST-1: Fix That](https://zulipp.atlassian.net/browse/TEST-1) (assigned to **Leonardo Franchi [Administrator]**):\n\n* Changed priority from **Critical** to **Major**',
    },
  ],
  [
    'updated_priority_v2.json',
    'jira:issue_updated',
    {
      topic: 'TEST-1: Fix That',
      body: 'Leonardo Franchi [Administrator] updated [TEST-1: Fix That](https://zulipp.atlassian.net/browse/TEST-1) (assigned to **Leonardo Franchi [Administrator]**):\n\n* Changed priority from **Critical** to **Major**',
    },
  ],
];

export const SHARED_FIXTURES = sharedSuite(jiraIntegration, SHARED_CASES);
