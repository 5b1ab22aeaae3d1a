import { FixtureCase, sharedSuite, UNSUPPORTED } from '../core/testing';
import { basecampIntegration } from './basecamp.handler';

/**
 * What the gateway makes of each captured payload in ../shared/fixtures/webhooks/basecamp:
 * [fixture file, event name, message (null: recognised, nothing posted; UNSUPPORTED; ANOMALOUS)].
 */
const SHARED_CASES: FixtureCase[] = [
  [
    'comment_created.json',
    'comment',
    {
      topic: 'Zulip HQ',
      body: 'Tomasz created the [comment](https://3.basecamp.com/3688623/buckets/2957043/todos/427055624#__recording_427058780) of the task [New task](https://3.basecamp.com/3688623/buckets/2957043/todos/427055624).',
    },
  ],
  [
    'doc_active.json',
    'document',
    {
      topic: 'Zulip HQ',
      body: 'Tomasz activated the document [New doc](https://3.basecamp.com/3688623/buckets/2957043/documents/432522214).',
    },
  ],
  [
    'doc_archived.json',
    'document',
    {
      topic: 'Zulip HQ',
      body: 'Tomasz archived the document [new doc](https://3.basecamp.com/3688623/buckets/2957043/documents/434455988).',
    },
  ],
  [
    'doc_content_changed.json',
    'document',
    {
      topic: 'Zulip HQ',
      body: 'Tomasz changed content of the document [New doc edit](https://3.basecamp.com/3688623/buckets/2957043/documents/432522214).',
    },
  ],
  [
    'doc_created.json',
    'document',
    {
      topic: 'Zulip HQ',
      body: 'Tomasz created the document [new doc](https://3.basecamp.com/3688623/buckets/2957043/documents/434455988).',
    },
  ],
  [
    'doc_publicized.json',
    'document',
    {
      topic: 'Zulip HQ',
      body: 'Tomasz publicized the document [new doc](https://3.basecamp.com/3688623/buckets/2957043/documents/434455988).',
    },
  ],
  [
    'doc_title_changed.json',
    'document',
    {
      topic: 'Zulip HQ',
      body: 'Tomasz changed title of the document [New doc edit](https://3.basecamp.com/3688623/buckets/2957043/documents/432522214).',
    },
  ],
  [
    'doc_trashed.json',
    'document',
    {
      topic: 'Zulip HQ',
      body: 'Tomasz trashed the document [new doc](https://3.basecamp.com/3688623/buckets/2957043/documents/434455988).',
    },
  ],
  [
    'doc_unarchive.json',
    'document',
    {
      topic: 'Zulip HQ',
      body: 'Tomasz unarchived the document [new doc](https://3.basecamp.com/3688623/buckets/2957043/documents/434455988).',
    },
  ],
  [
    'message_archived.json',
    'message',
    {
      topic: 'Zulip HQ',
      body: 'Tomasz archived the message [Message Title new](https://3.basecamp.com/3688623/buckets/2957043/messages/430680605).',
    },
  ],
  [
    'message_content_changed.json',
    'message',
    {
      topic: 'Zulip HQ',
      body: 'Tomasz changed content of the message [Message Title new](https://3.basecamp.com/3688623/buckets/2957043/messages/430680605).',
    },
  ],
  [
    'message_created.json',
    'message',
    {
      topic: 'Zulip HQ',
      body: 'Tomasz created the message [Message Title](https://3.basecamp.com/3688623/buckets/2957043/messages/430680605).',
    },
  ],
  [
    'message_title_changed.json',
    'message',
    {
      topic: 'Zulip HQ',
      body: 'Tomasz changed subject of the message [Message Title new](https://3.basecamp.com/3688623/buckets/2957043/messages/430680605).',
    },
  ],
  [
    'message_trashed.json',
    'message',
    {
      topic: 'Zulip HQ',
      body: 'Tomasz trashed the message [Message Title new](https://3.basecamp.com/3688623/buckets/2957043/messages/430680605).',
    },
  ],
  [
    'message_unarchived.json',
    'message',
    {
      topic: 'Zulip HQ',
      body: 'Tomasz unarchived the message [Message Title new](https://3.basecamp.com/3688623/buckets/2957043/messages/430680605).',
    },
  ],
  [
    'question_archived.json',
    'question',
    {
      topic: 'Zulip HQ',
      body: 'Tomasz archived the question [Question](https://3.basecamp.com/3688623/buckets/2957043/questions/432527747).',
    },
  ],
  [
    'question_created.json',
    'question',
    {
      topic: 'Zulip HQ',
      body: 'Tomasz created the question [Question](https://3.basecamp.com/3688623/buckets/2957043/questions/432527747).',
    },
  ],
  [
    'question_trashed.json',
    'question',
    {
      topic: 'Zulip HQ',
      body: 'Tomasz trashed the question [Question](https://3.basecamp.com/3688623/buckets/2957043/questions/432527747).',
    },
  ],
  [
    'question_unarchived.json',
    'question',
    {
      topic: 'Zulip HQ',
      body: 'Tomasz unarchived the question [Question](https://3.basecamp.com/3688623/buckets/2957043/questions/432527747).',
    },
  ],
  [
    'questions_answer_archived.json',
    'question_answer',
    {
      topic: 'Zulip HQ',
      body: 'Tomasz archived the [answer](https://3.basecamp.com/3688623/buckets/2957043/questions/432527747/answers/2017-03-16#__recording_432529636) of the question [Question?](https://3.basecamp.com/3688623/buckets/2957043/questions/432527747)',
    },
  ],
  [
    'questions_answer_content_changed.json',
    'question_answer',
    {
      topic: 'Zulip HQ',
      body: 'Tomasz changed content of the [answer](https://3.basecamp.com/3688623/buckets/2957043/questions/432527747/answers/2017-03-16#__recording_432529636) of the question [Question](https://3.basecamp.com/3688623/buckets/2957043/questions/432527747).',
    },
  ],
  [
    'questions_answer_created.json',
    'question_answer',
    {
      topic: 'Zulip HQ',
      body: 'Tomasz created the [answer](https://3.basecamp.com/3688623/buckets/2957043/questions/432527747/answers/2017-03-16#__recording_432529636) of the question [Question](https://3.basecamp.com/3688623/buckets/2957043/questions/432527747).',
    },
  ],
  [
    'questions_answer_trashed.json',
    'question_answer',
    {
      topic: 'Zulip HQ',
      body: 'Tomasz trashed the [answer](https://3.basecamp.com/3688623/buckets/2957043/question_answers/432529636) of the question [Question](https://3.basecamp.com/3688623/buckets/2957043/questions/432527747).',
    },
  ],
  [
    'questions_answer_unarchived.json',
    'question_answer',
    {
      topic: 'Zulip HQ',
      body: 'Tomasz unarchived the [answer](https://3.basecamp.com/3688623/buckets/2957043/questions/432527747/answers/2017-03-16#__recording_432529636) of the question [Question](https://3.basecamp.com/3688623/buckets/2957043/questions/432527747).',
    },
  ],
  [
    'todo_assignment_changed.json',
    'todo',
    {
      topic: 'Zulip HQ',
      body: 'Tomasz changed assignment of the todo task [New task](https://3.basecamp.com/3688623/buckets/2957043/todos/427055624).',
    },
  ],
  [
    'todo_completed.json',
    'todo',
    {
      topic: 'Zulip HQ',
      body: 'Tomasz completed the todo task [New task](https://3.basecamp.com/3688623/buckets/2957043/todos/427055624).',
    },
  ],
  [
    'todo_created.json',
    'todo',
    {
      topic: 'Zulip HQ',
      body: 'Tomasz created the todo task [New task](https://3.basecamp.com/3688623/buckets/2957043/todos/427055624).',
    },
  ],
  [
    'todo_due_on_changed.json',
    'todo',
    {
      topic: 'Zulip HQ',
      body: 'Tomasz changed due_on of the todo task [New task](https://3.basecamp.com/3688623/buckets/2957043/todos/427055624).',
    },
  ],
  [
    'todo_list_created.json',
    'todolist',
    {
      topic: 'Zulip HQ',
      body: 'Tomasz created the todo list [NEW TO DO LIST](https://3.basecamp.com/3688623/buckets/2957043/todolists/427050190).',
    },
  ],
  [
    'todo_list_description_changed.json',
    'todolist',
    {
      topic: 'Zulip HQ',
      body: 'Tomasz changed description of the todo list [NEW TO DO LIST](https://3.basecamp.com/3688623/buckets/2957043/todolists/427050190).',
    },
  ],
  [
    'todo_list_name_changed.json',
    'todolist',
    {
      topic: 'Zulip HQ',
      body: 'Tomasz changed name of the todo list [NEW Name TO DO LIST](https://3.basecamp.com/3688623/buckets/2957043/todolists/427050190).',
    },
  ],
  ['todo_uncompleted.json', 'todo_uncompleted', UNSUPPORTED],
];

export const SHARED_FIXTURES = sharedSuite(basecampIntegration, SHARED_CASES);
