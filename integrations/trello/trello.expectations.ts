import { FixtureCase, sharedSuite } from '../core/testing';
import { trelloIntegration } from './trello.handler';

/**
 * What the gateway makes of each captured payload in ../shared/fixtures/webhooks/trello:
 * [fixture file, event name, message (null: recognised, nothing posted; UNSUPPORTED; ANOMALOUS)].
 */
const SHARED_CASES: FixtureCase[] = [
  [
    'adding_attachment_to_card.json',
    'addAttachmentToCard',
    {
      topic: 'Welcome Board',
      body: 'TomaszKolek added [attachment_name](http://url.com) to [New card](https://trello.com/c/xPKXoSTQ).',
    },
  ],
  [
    'adding_checklist_to_card.json',
    'addChecklistToCard',
    {
      topic: 'Welcome Board',
      body: 'TomaszKolek added the Checklist checklist to [New card](https://trello.com/c/xPKXoSTQ).',
    },
  ],
  [
    'adding_comment_to_card.json',
    'commentCard',
    {
      topic: 'Welcome Board',
      body: 'TomaszKolek commented on [New card](https://trello.com/c/xPKXoSTQ):\n~~~ quote\nNew comment\n~~~',
    },
  ],
  [
    'adding_description_to_card.json',
    'updateCard',
    {
      topic: 'Welcome Board',
      body: 'Marco Matarazzo set description for [New Card](https://trello.com/c/P2r0z66z) to:\n~~~ quote\nNew Description\n~~~',
    },
  ],
  [
    'adding_label_to_card.json',
    'addLabelToCard',
    {
      topic: 'Welcome Board',
      body: 'TomaszKolek added a green label with "text value" to [Card name](https://trello.com/c/r33ylX2Z).',
    },
  ],
  [
    'adding_member_to_board.json',
    'addMemberToBoard',
    {
      topic: 'Welcome Board',
      body: 'TomaszKolek added Trello to [Welcome Board](https://trello.com/b/iqXXzYEj).',
    },
  ],
  [
    'adding_member_to_card.json',
    'addMemberToCard',
    {
      topic: 'Welcome Board',
      body: 'TomaszKolek added TomaszKolek to [Card name](https://trello.com/c/9BduUcVQ).',
    },
  ],
  [
    'adding_new_list_to_board.json',
    'createList',
    {
      topic: 'Welcome Board',
      body: 'TomaszKolek added New list list to [Welcome Board](https://trello.com/b/iqXXzYEj).',
    },
  ],
  [
    'archiving_card.json',
    'updateCard',
    {
      topic: 'Welcome Board',
      body: 'TomaszKolek archived [Card name](https://trello.com/c/9BduUcVQ).',
    },
  ],
  ['change_board_background_image.json', 'updateBoard', null],
  [
    'changing_cards_list.json',
    'updateCard',
    {
      topic: 'Welcome Board',
      body: 'TomaszKolek moved [This is a card.](https://trello.com/c/r33ylX2Z) from Basics to Intermediate.',
    },
  ],
  [
    'changing_description_on_card.json',
    'updateCard',
    {
      topic: 'Welcome Board',
      body: 'Marco Matarazzo changed description for [New Card](https://trello.com/c/P2r0z66z) from\n~~~ quote\nNew Description\n~~~\nto\n~~~ quote\nChanged Description\n~~~',
    },
  ],
  [
    'changing_due_date_on_card.json',
    'updateCard',
    {
      topic: 'Welcome Board',
      body: 'TomaszKolek changed due date for [Card name](https://trello.com/c/9BduUcVQ) from 2016-05-11 10:00:00 UTC to 2016-05-24 10:00:00 UTC.',
    },
  ],
  [
    'check_item_on_card_checklist.json',
    'updateCheckItemStateOnCard',
    {
      topic: 'Zulip',
      body: 'Eeshan Garg checked **Tomatoes** in **Checklist** ([Something something](https://trello.com/c/R2thJK3P)).',
    },
  ],
  [
    'creating_card.json',
    'createCard',
    {
      topic: 'Welcome Board',
      body: 'TomaszKolek created [New card](https://trello.com/c/5qrgGdD5).',
    },
  ],
  ['moving_card_within_single_list.json', 'updateCard', null],
  [
    'removing_description_from_card.json',
    'updateCard',
    {
      topic: 'Welcome Board',
      body: 'Marco Matarazzo removed description from [New Card](https://trello.com/c/P2r0z66z).',
    },
  ],
  [
    'removing_due_date_from_card.json',
    'updateCard',
    {
      topic: 'Welcome Board',
      body: 'TomaszKolek removed the due date from [Card name](https://trello.com/c/9BduUcVQ).',
    },
  ],
  [
    'removing_label_from_card.json',
    'removeLabelFromCard',
    {
      topic: 'Welcome Board',
      body: 'TomaszKolek removed a green label with "text value" from [New Card](https://trello.com/c/r33ylX2Z).',
    },
  ],
  [
    'removing_member_from_board.json',
    'removeMemberFromBoard',
    {
      topic: 'Welcome Board',
      body: 'TomaszKolek removed Trello from [Welcome Board](https://trello.com/b/iqXXzYEj).',
    },
  ],
  [
    'removing_member_from_card.json',
    'removeMemberFromCard',
    {
      topic: 'Welcome Board',
      body: 'TomaszKolek removed Trello from [Card name](https://trello.com/c/9BduUcVQ).',
    },
  ],
  [
    'renaming_board.json',
    'updateBoard',
    {
      topic: 'New name',
      body: 'TomaszKolek renamed the board from Welcome Board to [New name](https://trello.com/b/iqXXzYEj).',
    },
  ],
  [
    'renaming_card.json',
    'updateCard',
    {
      topic: 'Welcome Board',
      body: 'TomaszKolek renamed the card from "Old name" to [New name](https://trello.com/c/r33ylX2Z).',
    },
  ],
  [
    'reopening_card.json',
    'updateCard',
    {
      topic: 'Welcome Board',
      body: 'TomaszKolek reopened [Card name](https://trello.com/c/9BduUcVQ).',
    },
  ],
  [
    'setting_due_date_to_card.json',
    'updateCard',
    {
      topic: 'Welcome Board',
      body: 'TomaszKolek set due date for [Card name](https://trello.com/c/9BduUcVQ) to 2016-05-11 10:00:00 UTC.',
    },
  ],
  [
    'uncheck_item_on_card_checklist.json',
    'updateCheckItemStateOnCard',
    {
      topic: 'Zulip',
      body: 'Eeshan Garg unchecked **Tomatoes** in **Checklist** ([Something something](https://trello.com/c/R2thJK3P)).',
    },
  ],
];

export const SHARED_FIXTURES = sharedSuite(trelloIntegration, SHARED_CASES);
