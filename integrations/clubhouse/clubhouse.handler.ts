import { defineIntegration, EventHandler, WebhookEvent } from '../core/define';
import type { RenderedMessage } from '../core/integration';
import { AnomalousPayloadError, Payload } from '../core/payload';
import { link } from '../core/text';
import { anyOf, hmacHeader } from '../core/verify';

/**
 * Shortcut (formerly Clubhouse): one JSON document per change, `{"primary_id", "actions": [...],
 * "references": [...]}`. The action whose id is `primary_id` is the change; the others are its
 * side effects (the story a comment was added to), and `references` names the ids the actions
 * mention (workflow states, epics, labels, files). A bulk edit of several stories has no
 * `primary_id`: each story's action is one message. The event is Zulip's name for the primary
 * action: `<entity_type>_<action>`, plus what changed for an update (`story_update_state`).
 * Topic: the story's or epic's name, as Zulip's Clubhouse integration names it.
 */

type ActionHandler = (e: WebhookEvent, action: Payload) => RenderedMessage | null;

/** Which change names an update's event, first match wins (a state change that also adds an owner is a state change). */
const CHANGE_EVENTS: readonly (readonly [string, string])[] = [
  ['description', 'description'],
  ['state', 'state'],
  ['workflow_state_id', 'state'],
  ['name', 'name'],
  ['archived', 'archived'],
  ['complete', 'complete'],
  ['epic_id', 'epic'],
  ['estimate', 'estimate'],
  ['file_ids', 'attachment'],
  ['label_ids', 'label'],
  ['project_id', 'project'],
  ['story_type', 'type'],
  ['owner_ids', 'owner'],
];

/** Edits of a comment post nothing (Zulip ignores them too). */
const COMMENT_EDITED = 'story-comment_update';

function actionEvent(action: Payload): string {
  const base = `${action.str('entity_type')}_${action.str('action')}`;
  const changes = action.optObj('changes');
  if (!changes || base === COMMENT_EDITED) return base;
  const keys = changes.keys();
  const change = CHANGE_EVENTS.find(([key]) => keys.includes(key));
  return change ? `${base}_${change[1]}` : base;
}

const actions = (e: WebhookEvent) => e.payload.list('actions');
const references = (e: WebhookEvent) => e.payload.optList('references');

function primaryAction(e: WebhookEvent): Payload {
  const id = e.payload.optId('primary_id');
  const primary = actions(e).find((a) => a.optId('id') === id);
  if (!primary) throw new AnomalousPayloadError('primary_id', 'the id of one of the actions');
  return primary;
}

/** The reference with this id (the last one, as Shortcut lists each once). */
function reference(e: WebhookEvent, id: string | null): Payload | null {
  if (id === null) return null;
  return references(e).findLast((r) => r.optId('id') === id) ?? null;
}

function referenceOrFail(e: WebhookEvent, id: string | null): Payload {
  const ref = reference(e, id);
  if (!ref) throw new AnomalousPayloadError('references', `the reference ${id ?? ''}`);
  return ref;
}

const referenceName = (e: WebhookEvent, id: string | null) =>
  reference(e, id)?.optStr('name') ?? 'none';

/** A story is linked; an epic, label or project too when Shortcut gives its URL, else bold. */
const named = (name: string, url: string | null) => (url ? link(name, url) : `**${name}**`);
const storyName = (a: Payload) => link(a.str('name'), a.str('app_url'));
const itemName = (a: Payload) =>
  a.str('entity_type') === 'story' ? storyName(a) : named(a.str('name'), a.optStr('app_url'));
const referenceNamed = (e: WebhookEvent, id: string | null) => {
  const ref = reference(e, id);
  return named(ref?.optStr('name') ?? 'none', ref?.optStr('app_url') ?? null);
};

/** The story or epic an action concerns: its own name, else its story's or epic's. */
function topicOf(e: WebhookEvent, action: Payload): string {
  const type = action.str('entity_type');
  const entity = type === 'epic' || type === 'epic-comment' ? 'epic' : 'story';
  const own = type === 'branch' ? null : action.optStr('name');
  if (own !== null) return own;
  const fromActions = actions(e).findLast((a) => a.str('entity_type') === entity);
  if (fromActions) return fromActions.str('name');
  const fromReferences = references(e).findLast((r) => r.str('entity_type') === entity);
  if (fromReferences) return fromReferences.str('name');
  throw new AnomalousPayloadError('actions', `the ${entity} this change concerns`);
}

/** " (Unscheduled -> In Development)" when the change moved the story to another state. */
function stateChange(e: WebhookEvent, action: Payload): string {
  const state = action.optObj('changes.workflow_state_id');
  if (!state) return '';
  return ` (${referenceName(e, state.optId('old'))} -> ${referenceName(e, state.optId('new'))})`;
}

/** A message about one action, on its story's or epic's topic. */
const say =
  (template: string, context: (e: WebhookEvent, a: Payload) => object | null): ActionHandler =>
  (e, a) => {
    const data = context(e, a);
    return data === null ? null : e.message(topicOf(e, a), template, data);
  };

/** The names of the labels with these ids: from the label's own action (a new label), else the references. */
function labelNames(e: WebhookEvent, ids: string[]): string[] {
  return ids.map((id) => {
    const created = actions(e).find((a) => a.optId('id') === id && a.has('name'));
    if (created) return named(created.str('name'), created.optStr('app_url'));
    return referenceNamed(e, id);
  });
}

const storyEpic = say('story-epic', (e, a) => {
  const change = a.obj('changes.epic_id');
  const [oldId, newId] = [change.optId('old'), change.optId('new')];
  return {
    story: storyName(a),
    moved: oldId !== null && newId !== null,
    added: oldId === null,
    oldEpic: referenceNamed(e, oldId),
    newEpic: referenceNamed(e, newId),
  };
});

const storyLabels = say('labels', (e, a) => {
  if (!a.has('changes.label_ids.adds')) return null;
  const labels = labelNames(e, a.idList('changes.label_ids.adds'));
  return { story: storyName(a), labels: labels.join(', '), plural: labels.length > 1 };
});

const storyState = say('state', (e, a) => ({
  entity: 'story',
  item: storyName(a),
  old: referenceName(e, a.optId('changes.workflow_state_id.old')),
  new: referenceName(e, a.optId('changes.workflow_state_id.new')),
}));

const storyProject = say('project', (e, a) => ({
  story: storyName(a),
  old: referenceNamed(e, a.optId('changes.project_id.old')),
  new: referenceNamed(e, a.optId('changes.project_id.new')),
}));

const storyType = say('type', (_e, a) => ({
  story: storyName(a),
  old: a.str('changes.story_type.old'),
  new: a.str('changes.story_type.new'),
}));

const description = say('description', (_e, a) => {
  const [oldText, newText] = [
    a.optStr('changes.description.old'),
    a.optStr('changes.description.new'),
  ];
  return {
    entity: a.str('entity_type'),
    item: itemName(a),
    added: !oldText && !!newText,
    changed: !!oldText && !!newText,
    old: oldText,
    new: newText,
  };
});

/**
 * One story of a bulk edit: the moves, type and labels in one sentence, the state change after
 * it; a story with a single such change reads as that change's own message.
 */
const batchStory: ActionHandler = (e, a) => {
  const changes = a.obj('changes');
  const keys = changes.keys();
  const parts: string[] = [];
  let last: ActionHandler | null = null;
  const moves: string[] = [];
  const fromTo = (what: string, key: string) =>
    `${what} ${referenceNamed(e, changes.optId(`${key}.old`))} to ${referenceNamed(e, changes.optId(`${key}.new`))}`;
  if (keys.includes('epic_id')) {
    last = storyEpic;
    moves.push(fromTo('Epic', 'epic_id'));
  }
  if (keys.includes('project_id')) {
    last = storyProject;
    moves.push(fromTo('Project', 'project_id'));
  }
  if (moves.length > 0) parts.push(`was moved from ${moves.join(', ')}`);
  const verb = () => (parts.length === 0 ? 'was' : 'and');
  if (keys.includes('story_type')) {
    last = storyType;
    const type = changes.obj('story_type');
    parts.push(
      `${verb()} changed from type **${type.optStr('old') ?? 'none'}** to **${type.optStr('new') ?? 'none'}**`,
    );
  }
  if (changes.has('label_ids.adds')) {
    last = storyLabels;
    const labels = labelNames(e, changes.idList('label_ids.adds'));
    parts.push(
      `${verb()} added with the new label${labels.length > 1 ? 's' : ''} ${labels.join(', ')}`,
    );
  }
  if (keys.includes('workflow_state_id')) last = storyState;
  if (parts.length <= 1) return last ? last(e, a) : null;
  return e.message(topicOf(e, a), 'batch', {
    story: storyName(a),
    changes: parts.join(', '),
    state: stateChange(e, a),
  });
};

/** A pull request or branch linked to stories: one message per story it was linked to. */
function github(kind: 'pr' | 'comment' | 'branch', changed: string): EventHandler {
  return (e) => {
    const source = primaryAction(e);
    const stories = actions(e).filter(
      (a) => a.str('entity_type') === 'story' && a.has(`changes.${changed}`),
    );
    return stories.map((story) =>
      e.message(topicOf(e, story), 'github', {
        [kind]: true,
        name: kind === 'branch' ? source.str('name') : `#${source.num('number')}`,
        url: source.str('url'),
        story: storyName(story),
        state: stateChange(e, story),
      }),
    );
  };
}

/** The primary action's message. */
const primary =
  (handler: ActionHandler): EventHandler =>
  (e) =>
    handler(e, primaryAction(e));

const storyOf = (e: WebhookEvent) => {
  const story = actions(e).findLast((a) => a.str('entity_type') === 'story');
  if (!story) throw new AnomalousPayloadError('actions', 'the story this change concerns');
  return storyName(story);
};

const comment = (entity: 'story' | 'epic') =>
  say('comment-added', (e, a) => {
    const item = actions(e).findLast((x) => x.str('entity_type') === entity);
    if (!item) throw new AnomalousPayloadError('actions', `the ${entity} commented on`);
    return { entity, item: itemName(item), text: a.str('text') };
  });

const task = (added: boolean) =>
  say('task', (e, a) => ({ task: a.str('description'), added, story: storyOf(e) }));

const archived = say('archived', (_e, a) => ({
  entity: a.str('entity_type'),
  item: itemName(a),
  archived: a.bool('changes.archived.new'),
}));

const renamed = say('renamed', (_e, a) => ({
  entity: a.str('entity_type'),
  item: itemName(a),
  old: a.str('changes.name.old'),
  new: a.str('changes.name.new'),
}));

const deleted = say('deleted', (_e, a) => ({ entity: a.str('entity_type'), name: a.str('name') }));

const STORY_UPDATES: Record<string, ActionHandler> = {
  story_update_archived: archived,
  story_update_description: description,
  story_update_state: storyState,
  story_update_name: renamed,
  story_update_epic: storyEpic,
  story_update_estimate: say('estimate', (_e, a) => ({
    story: storyName(a),
    estimated: a.has('changes.estimate.new'),
    points: a.optNum('changes.estimate.new'),
  })),
  story_update_attachment: say('attachment', (e, a) => {
    if (!a.has('changes.file_ids.adds')) return null;
    const file = reference(e, a.idList('changes.file_ids.adds')[0] ?? null);
    if (!file) throw new AnomalousPayloadError('references', 'the attached file');
    return { story: storyName(a), kind: file.str('entity_type'), file: file.str('name') };
  }),
  story_update_label: storyLabels,
  story_update_project: storyProject,
  story_update_type: storyType,
  story_update_owner: say('owner', (_e, a) => ({ story: storyName(a) })),
};

export const clubhouseIntegration = defineIntegration({
  name: 'clubhouse',
  displayName: 'Clubhouse',
  category: 'project-management',
  eventName: (e) => {
    // Shortcut sometimes posts an empty body (or `null`), which says nothing.
    if (!e.payload.has('actions')) return 'empty';
    if (e.payload.has('primary_id')) return actionEvent(primaryAction(e));
    const events = [...new Set(actions(e).map(actionEvent))];
    return events.every((event) => event.startsWith('story_update'))
      ? 'story_update_batch'
      : events.join(',');
  },
  events: {
    story_create: primary(
      say('story-created', (e, a) => ({
        story: storyName(a),
        type: a.str('story_type'),
        epic: a.has('epic_id') ? referenceNamed(e, a.optId('epic_id')) : null,
      })),
    ),
    story_delete: primary(deleted),
    ...Object.fromEntries(
      Object.entries(STORY_UPDATES).map(([event, handler]) => [event, primary(handler)]),
    ),
    story_update_batch: (e) =>
      actions(e).flatMap((a) => {
        const message = batchStory(e, a);
        return message ? [message] : [];
      }),
    'story-comment_create': primary(comment('story')),
    'story-task_create': primary(task(true)),
    'story-task_delete': primary(task(false)),
    'story-task_update_complete': primary(
      say('task-completed', (e, a) =>
        a.bool('changes.complete.new')
          ? {
              task: a.str('description'),
              story: storyName(referenceOrFail(e, a.optId('story_id'))),
            }
          : null,
      ),
    ),
    'pull-request_create': github('pr', 'pull_request_ids'),
    'pull-request_comment': github('comment', 'pull_request_ids'),
    branch_create: github('branch', 'branch_ids'),
    epic_create: primary(
      say('epic-created', (_e, a) => ({
        epic: named(a.str('name'), a.optStr('app_url')),
        state: a.str('state'),
      })),
    ),
    epic_delete: primary(deleted),
    epic_update_archived: primary(archived),
    epic_update_description: primary(description),
    epic_update_name: primary(renamed),
    epic_update_state: primary(
      say('state', (_e, a) => ({
        entity: 'epic',
        item: itemName(a),
        old: a.str('changes.state.old'),
        new: a.str('changes.state.new'),
      })),
    ),
    'epic-comment_create': primary(comment('epic')),
  },
  ignoredEvents: ['empty', COMMENT_EDITED],
  // Shortcut signs with the webhook's secret: an HMAC-SHA256 hex digest of the body, in
  // Payload-Signature (Clubhouse-Signature before the rename).
  verify: anyOf(
    hmacHeader({ header: 'Payload-Signature' }),
    hmacHeader({ header: 'Clubhouse-Signature' }),
  ),
});
