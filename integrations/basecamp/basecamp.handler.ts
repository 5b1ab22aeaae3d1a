import { defineIntegration, EventHandler, WebhookEvent } from '../core/define';
import { tokenParam } from '../core/verify';

/**
 * Basecamp 3: a JSON document per change to a project's recordings (`{"kind":
 * "todo_created", "recording": {...}, "creator": {...}}`). Topic: the project's name, as Zulip's
 * Basecamp integration names it.
 */

/** The kinds Zulip posts, by its event name (what only_events matches) and their prefix. */
const KINDS: Record<string, { prefix: string; kinds: string[] }> = {
  document: {
    prefix: 'document_',
    kinds: ['active', 'created', 'archived', 'unarchived', 'publicized', 'title_changed']
      .concat(['content_changed', 'trashed'])
      .map((k) => `document_${k}`),
  },
  question_answer: {
    prefix: 'question_answer_',
    kinds: ['archived', 'content_changed', 'created', 'trashed', 'unarchived'].map(
      (k) => `question_answer_${k}`,
    ),
  },
  question: {
    prefix: 'question_',
    kinds: ['archived', 'created', 'trashed', 'unarchived'].map((k) => `question_${k}`),
  },
  message: {
    prefix: 'message_',
    kinds: [
      'archived',
      'content_changed',
      'created',
      'subject_changed',
      'trashed',
      'unarchived',
    ].map((k) => `message_${k}`),
  },
  comment: { prefix: 'comment_', kinds: ['comment_created'] },
  todolist: {
    prefix: 'todolist_',
    kinds: ['created', 'description_changed', 'name_changed'].map((k) => `todolist_${k}`),
  },
  todo: {
    prefix: 'todo_',
    kinds: ['assignment_changed', 'completed', 'created', 'due_on_changed'].map((k) => `todo_${k}`),
  },
};

/** `todo_due_on_changed` → "changed due_on of"; `document_active` → "activated". */
function verb(kind: string, prefix: string): string {
  const rest = kind.slice(prefix.length);
  if (rest === 'active') return 'activated';
  const changed = /^(.+)_changed$/.exec(rest);
  return changed ? `changed ${changed[1]} of` : rest;
}

/** Zulip ends the sentence with a full stop unless the title already ends in punctuation. */
const stop = (title: string) => (/[!-/:-@[-`{-~]$/.test(title) ? '' : '.');

const project = (e: WebhookEvent) => e.payload.str('recording.bucket.name');

/** A recording itself: "Ada created the todo task [Title](url)." */
function own(what: string, prefix: string): EventHandler {
  return (e) => {
    const title = e.payload.str('recording.title');
    return e.message(project(e), 'recording', {
      user: e.payload.str('creator.name'),
      verb: verb(e.payload.str('kind'), prefix),
      what,
      title,
      url: e.payload.str('recording.app_url'),
      stop: stop(title),
    });
  };
}

/** A recording on another (an answer to a question, a comment on a task). */
function child(what: string, parent: string, prefix: string): EventHandler {
  return (e) => {
    const title = e.payload.str('recording.parent.title');
    return e.message(project(e), 'child', {
      user: e.payload.str('creator.name'),
      verb: verb(e.payload.str('kind'), prefix),
      what,
      url: e.payload.str('recording.app_url'),
      parent,
      title,
      parentUrl: e.payload.str('recording.parent.app_url'),
      stop: stop(title),
    });
  };
}

export const basecampIntegration = defineIntegration({
  name: 'basecamp',
  displayName: 'Basecamp',
  category: 'project-management',
  // Zulip's event names are the recording types; a kind it does not post keeps its own name.
  eventName: (e) => {
    const kind = e.payload.str('kind');
    const known = Object.entries(KINDS).find(([, { kinds }]) => kinds.includes(kind));
    return known ? known[0] : kind;
  },
  events: {
    document: own('document', KINDS.document.prefix),
    question_answer: child('answer', 'question', KINDS.question_answer.prefix),
    question: own('question', KINDS.question.prefix),
    message: own('message', KINDS.message.prefix),
    comment: child('comment', 'task', KINDS.comment.prefix),
    todolist: own('todo list', KINDS.todolist.prefix),
    todo: own('todo task', KINDS.todo.prefix),
  },
  // Basecamp signs nothing and sends no custom header: a secret goes in the URL.
  verify: tokenParam('secret'),
});
