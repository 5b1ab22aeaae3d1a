import { FixtureCase, sharedSuite } from '../core/testing';
import { flockIntegration } from './flock.handler';

/** What each captured payload in ../shared/fixtures/webhooks/flock posts. */
const SHARED_CASES: FixtureCase[] = [
  [
    'messages.json',
    'message',
    {
      topic: 'Flock notifications',
      body: 'This is the welcome message!',
    },
  ],
  [
    'note.json',
    'message',
    {
      topic: 'Flock notifications',
      body: 'Shared a note',
    },
  ],
  [
    'pinned.json',
    'message',
    {
      topic: 'Flock notifications',
      body: 'Rishabh rawat pinned an item to the conversation',
    },
  ],
  [
    'reminder.json',
    'message',
    {
      topic: 'Flock notifications',
      body: 'Rishabh rawat wanted me to remind All',
    },
  ],
  [
    'reply.json',
    'message',
    {
      topic: 'Flock notifications',
      body: "It's interesting how high productivity will go...",
    },
  ],
  [
    'reply_note.json',
    'message',
    {
      topic: 'Flock notifications',
      body: 'This is reply to Note.',
    },
  ],
  [
    'reply_pinned.json',
    'message',
    {
      topic: 'Flock notifications',
      body: 'This is reply to pinned message.',
    },
  ],
  [
    'reply_reminder.json',
    'message',
    {
      topic: 'Flock notifications',
      body: 'This is a reply to Reminder.',
    },
  ],
  [
    'reply_todo.json',
    'message',
    {
      topic: 'Flock notifications',
      body: 'This is a reply to Todo notification.',
    },
  ],
  [
    'todo.json',
    'message',
    {
      topic: 'Flock notifications',
      body: 'Rishabh rawat added a to-do in New List 1 list',
    },
  ],
];

export const SHARED_FIXTURES = sharedSuite(flockIntegration, SHARED_CASES);
