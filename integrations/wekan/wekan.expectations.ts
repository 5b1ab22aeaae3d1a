import { FixtureCase, sharedSuite } from '../core/testing';
import { wekanIntegration } from './wekan.handler';

/**
 * What the gateway makes of each captured payload in ../shared/fixtures/webhooks/wekan:
 * [fixture file, event name, message (null: recognised, nothing posted; UNSUPPORTED; ANOMALOUS)].
 */
const SHARED_CASES: FixtureCase[] = [
  [
    'add_attachment.json',
    'act-addAttachment',
    {
      topic: 'Wekan Notification',
      body: 'JohnFish added attachment "hGfm5ksud8k" to card "Markdown and emoji\'s" at list "Design" at swimlane "Default" at board "Bucket List".\n\n[See in Wekan](http://127.0.0.1/b/Jinj4Xj7qnHLRmrTY/bucket-list/pMtu7kPZvMuhhC4hL)',
    },
  ],
  [
    'add_checklist.json',
    'act-addChecklist',
    {
      topic: 'Wekan Notification',
      body: 'JohnFish added checklist "To do" to card "Markdown and emoji\'s" at list "Design" at swimlane "Default" at board "bucked-list".\n\n[See in Wekan](http://127.0.0.1/b/Jinj4Xj7qnHLRmrTY/bucket-list/pMtu7kPZvMuhhC4hL)',
    },
  ],
  [
    'add_checklist_item.json',
    'act-addChecklistItem',
    {
      topic: 'Wekan Notification',
      body: 'JohnFish added checklist item "merge commit 9dfe" to checklist "To do" at card "Markdown and emoji\'s" at list "Design" at swimlane "Default" at board "Bucket List".\n\n[See in Wekan](http://127.0.0.1/b/Jinj4Xj7qnHLRmrTY/bucket-list/pMtu7kPZvMuhhC4hL)',
    },
  ],
  [
    'add_comment.json',
    'act-addComment',
    {
      topic: 'Wekan Notification',
      body: 'JohnFish commented on card "Markdown and emoji\'s": "This feature is important" at list "Design" at swimlane "Default" at board "Bucket List".\n\n[See in Wekan](http://127.0.0.1/b/Jinj4Xj7qnHLRmrTY/bucket-list/pMtu7kPZvMuhhC4hL)',
    },
  ],
  [
    'add_label.json',
    'act-addedLabel',
    {
      topic: 'Wekan Notification',
      body: 'JohnFish Added label Language to card "Markdown & emojis" at list "Design" at swimlane "Default" at board "Bucket List".\n\n[See in Wekan](http://127.0.0.1/b/Jinj4Xj7qnHLRmrTY/bucket-list/TMmjFnQGuZPsbjXzS)',
    },
  ],
  [
    'archived_card.json',
    'act-archivedCard',
    {
      topic: 'Wekan Notification',
      body: 'JohnFish Card "Markdown and emoji\'s" at list "Design" at swimlane "Default" at board "Bucket List" moved to Archive.\n\n[See in Wekan](http://127.0.0.1/b/Jinj4Xj7qnHLRmrTY/bucket-list/pMtu7kPZvMuhhC4hL)',
    },
  ],
  [
    'archived_list.json',
    'act-archivedList',
    {
      topic: 'Wekan Notification',
      body: 'JohnFish List "Design" at swimlane "Default" at board "Bucket List" moved to Archive.\n\n[See in Wekan](http://127.0.0.1/b/Jinj4Xj7qnHLRmrTY/bucket-list)',
    },
  ],
  [
    'archived_swimlane.json',
    'act-archivedSwimlane',
    {
      topic: 'Wekan Notification',
      body: 'JohnFish Swimlane "Default" at board "Bucket List" moved to Archive.\n\n[See in Wekan](http://127.0.0.1/b/Jinj4Xj7qnHLRmrTY/bucket-list)',
    },
  ],
  [
    'checked_item.json',
    'act-checkedItem',
    {
      topic: 'Wekan Notification',
      body: 'JohnFish checked To do of checklist "To do" at card "Markdown and emoji\'s" at list "Design" at swimlane "Default" at board "bucket-list".\n\n[See in Wekan](http://127.0.0.1/b/Jinj4Xj7qnHLRmrTY/bucket-list/pMtu7kPZvMuhhC4hL)',
    },
  ],
  [
    'create_card.json',
    'act-createCard',
    {
      topic: 'Wekan Notification',
      body: 'JohnFish created card "Markdown and emoji\'s" to list "Development & Implementation" at swimlane "Default" at board "Bucket List".\n\n[See in Wekan](http://127.0.0.1/b/Jinj4Xj7qnHLRmrTY/bucket-list/pMtu7kPZvMuhhC4hL)',
    },
  ],
  [
    'create_custom_field.json',
    'act-createCustomField',
    {
      topic: 'Wekan Notification',
      body: 'JohnFish created custom field Language at board "Bucket List".\n\n[See in Wekan](http://127.0.0.1/b/Jinj4Xj7qnHLRmrTY/bucket-list)',
    },
  ],
  [
    'create_list.json',
    'act-createList',
    {
      topic: 'Wekan Notification',
      body: 'JohnFish added list "Testing & Maintenance" to board "Bucket List".\n\n[See in Wekan](http://127.0.0.1/b/Jinj4Xj7qnHLRmrTY/bucket-list)',
    },
  ],
  [
    'create_swimlane.json',
    'act-createSwimlane',
    {
      topic: 'Wekan Notification',
      body: 'JohnFish created swimlane "Jasper" to board "Bucket List".\n\n[See in Wekan](http://127.0.0.1/b/Jinj4Xj7qnHLRmrTY/bucket-list)',
    },
  ],
  [
    'delete_attachment.json',
    'act-deleteAttachment',
    {
      topic: 'Wekan Notification',
      body: 'JohnFish deleted attachment "hGfm5ksud8k.jpg" at card "Markdown and emoji\'s" at list "Design" at swimlane "Default" at board "Bucket List".\n\n[See in Wekan](http://127.0.0.1/b/Jinj4Xj7qnHLRmrTY/bucket-list/pMtu7kPZvMuhhC4hL)',
    },
  ],
  [
    'join_member.json',
    'act-joinMember',
    {
      topic: 'Wekan Notification',
      body: 'JohnFish added member kokoboss to card "Markdown & emojis" at list "Design" at swimlane "Default" at board "Bucket List".\n\n[See in Wekan](http://127.0.0.1/b/Jinj4Xj7qnHLRmrTY/bucket-list/TMmjFnQGuZPsbjXzS)',
    },
  ],
  [
    'move_card.json',
    'act-moveCard',
    {
      topic: 'Wekan Notification',
      body: 'JohnFish moved card "Markdown and emoji\'s" at board "Bucket List" from list "Development & Implementation" at swimlane "Default" to list "Design" at swimlane "Default".\n\n[See in Wekan](http://127.0.0.1/b/Jinj4Xj7qnHLRmrTY/bucket-list/pMtu7kPZvMuhhC4hL)',
    },
  ],
  [
    'remove_list.json',
    'act-removeList',
    {
      topic: 'Wekan Notification',
      body: 'JohnFish act-removeList.\n\n[See in Wekan](http://127.0.0.1/b/Jinj4Xj7qnHLRmrTY/bucket-list)',
    },
  ],
  [
    'remove_swimlane.json',
    'act-removeSwimlane',
    {
      topic: 'Wekan Notification',
      body: 'JohnFish act-removeSwimlane.\n\n[See in Wekan](http://127.0.0.1/b/Jinj4Xj7qnHLRmrTY/bucket-list)',
    },
  ],
  [
    'removed_checklist.json',
    'act-removeChecklist',
    {
      topic: 'Wekan Notification',
      body: 'JohnFish removed checklist "To do" from card "Markdown and emoji\'s" at list "Design" at swimlane "Default" at board "Bucket List".\n\n[See in Wekan](http://127.0.0.1/b/Jinj4Xj7qnHLRmrTY/bucket-list/pMtu7kPZvMuhhC4hL)',
    },
  ],
  [
    'removed_checklist_item.json',
    'act-removedChecklistItem',
    {
      topic: 'Wekan Notification',
      body: 'JohnFish act-removedChecklistItem.\n\n[See in Wekan](http://127.0.0.1/b/Jinj4Xj7qnHLRmrTY/bucket-list/pMtu7kPZvMuhhC4hL)',
    },
  ],
  [
    'restored_card.json',
    'act-restoredCard',
    {
      topic: 'Wekan Notification',
      body: 'JohnFish restored card "Markdown and emoji\'s" to list "Design" at swimlane "Default" at board "Bucket List".\n\n[See in Wekan](http://127.0.0.1/b/Jinj4Xj7qnHLRmrTY/bucket-list/pMtu7kPZvMuhhC4hL)',
    },
  ],
  [
    'set_custom_field.json',
    'act-setCustomField',
    {
      topic: 'Wekan Notification',
      body: 'JohnFish act-setCustomField.\n\n[See in Wekan](http://127.0.0.1/b/Jinj4Xj7qnHLRmrTY/bucket-list/pMtu7kPZvMuhhC4hL)',
    },
  ],
  [
    'uncomplete_checklist.json',
    'act-uncompleteChecklist',
    {
      topic: 'Wekan Notification',
      body: 'JohnFish uncompleted checklist To do at card "Markdown and emoji\'s" at list "Design" at swimlane "Default" at board "Bucket List".\n\n[See in Wekan](http://127.0.0.1/b/Jinj4Xj7qnHLRmrTY/bucket-list/pMtu7kPZvMuhhC4hL)',
    },
  ],
];

export const SHARED_FIXTURES = sharedSuite(wekanIntegration, SHARED_CASES);
