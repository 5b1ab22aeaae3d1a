import { defineIntegration, EventHandler, WebhookEvent } from '../core/define';
import { Payload } from '../core/payload';
import { blockQuote, link } from '../core/text';
import { tokenParam } from '../core/verify';

/**
 * Pivotal Tracker: activity web hooks, in XML (API v3: `<activity><event_type>…`) or JSON (API v5:
 * `{"kind": "story_update_activity", ...}`). Event names as Zulip's: `<event_type>_v3`,
 * `<kind>_v5`. Topics as Zulip's: the story's name (v3), `#<id>: <name>` (v5).
 */

// ---- API v3 (XML) ----

const storyUrl = (project: string, story: string) =>
  `https://www.pivotaltracker.com/s/projects/${project}/stories/${story}`;

/** v3 does not name the story; Zulip takes the first quoted string of the description. */
const storyName = (description: string) => /"([^"]+)"/.exec(description)?.[1] ?? 'Story changed';

const story = (p: Payload) => p.optObj('stories.story');

function v3(topic: (p: Payload) => string, created = false): EventHandler {
  return (e: WebhookEvent) => {
    const p = e.payload;
    const description = p.str('description');
    const s = story(p);
    const url = storyUrl(p.str('project_id'), s?.optStr('id') ?? '');
    const estimate = s?.optStr('estimate');
    return e.message(topic(p), 'v3', {
      description,
      url,
      created: created
        ? {
            state: s?.optStr('current_state') ?? '',
            type: s?.optStr('story_type') ?? '',
            estimate: estimate ? ` worth ${estimate} story points` : '',
            body: blockQuote(s?.optStr('description') ?? ''),
          }
        : null,
    });
  };
}

const v3StoryTopic = (p: Payload) => storyName(p.str('description'));

// ---- API v5 (JSON) ----

interface Change {
  kind: string | null;
  old: Payload | null;
  new: Payload | null;
}

const changes = (p: Payload): Change[] =>
  p.optList('changes').map((c) => ({
    kind: c.optStr('kind'),
    old: c.optObj('original_values'),
    new: c.optObj('new_values'),
  }));

/** A value of new_values/original_values as text (states and types are strings, estimates numbers). */
function value(values: Payload | null, field: string): string | null {
  const v = values ? (values.raw as Record<string, unknown>)[field] : undefined;
  return v === undefined || v === null ? null : String(v);
}
const has = (values: Payload | null, field: string) =>
  values !== null && Object.hasOwn(values.raw as object, field);

/** The story, linked with its project: "[Project](url): [Story](url)". */
function v5Context(e: WebhookEvent) {
  const p = e.payload;
  const resource = p.obj('primary_resources.0');
  const projectId = p.num('project.id');
  return {
    topic: `#${resource.num('id')}: ${resource.str('name')}`,
    by: p.optStr('performed_by.name') ?? '',
    type: resource.optStr('story_type'),
    story: `${link(p.str('project.name'), `https://www.pivotaltracker.com/s/projects/${projectId}`)}: ${link(resource.str('name'), resource.str('url'))}`,
  };
}

const comments = (p: Payload) =>
  changes(p)
    .filter((c) => c.kind === 'comment' && value(c.new, 'text') !== null)
    .map((c) => blockQuote(value(c.new, 'text')!));

const storyUpdated: EventHandler = (e) => {
  const ctx = v5Context(e);
  const lines: string[] = [];
  for (const c of changes(e.payload)) {
    if (has(c.old, 'current_state') && has(c.new, 'current_state')) {
      lines.push(
        `* state changed from **${value(c.old, 'current_state')}** to **${value(c.new, 'current_state')}**`,
      );
    }
    if (has(c.old, 'estimate') && has(c.new, 'estimate')) {
      const old = value(c.old, 'estimate');
      lines.push(
        `* estimate ${old === null ? 'is now' : `changed from ${old} to`} **${value(c.new, 'estimate') ?? '0'} points**`,
      );
    }
    if (has(c.old, 'story_type') && has(c.new, 'story_type')) {
      lines.push(
        `* type changed from **${value(c.old, 'story_type')}** to **${value(c.new, 'story_type')}**`,
      );
    }
    if (c.kind === 'comment' && value(c.new, 'text') !== null) {
      lines.push(`* Comment added:\n${blockQuote(value(c.new, 'text')!)}`);
    }
  }
  return e.message(ctx.topic, 'v5-updated', { ...ctx, lines });
};

const storyCreated: EventHandler = (e) => {
  const ctx = v5Context(e);
  const created = changes(e.payload).find((c) => c.kind === 'story')?.new ?? null;
  return e.message(ctx.topic, 'v5-created', {
    ...ctx,
    state: value(created, 'current_state'),
    description: value(created, 'description') ? blockQuote(value(created, 'description')!) : null,
  });
};

const storyMoved: EventHandler = (e) => {
  const ctx = v5Context(e);
  const moved = changes(e.payload).find(
    (c) => has(c.old, 'current_state') && has(c.new, 'current_state'),
  );
  return e.message(ctx.topic, 'v5-moved', {
    ...ctx,
    from: moved ? value(moved.old, 'current_state') : null,
    to: moved ? value(moved.new, 'current_state') : null,
  });
};

const commentCreated: EventHandler = (e) => {
  const ctx = v5Context(e);
  const texts = comments(e.payload);
  return texts.length ? e.message(ctx.topic, 'v5-commented', { ...ctx, comment: texts[0] }) : null;
};

export const pivotalIntegration = defineIntegration({
  name: 'pivotal',
  displayName: 'Pivotal Tracker',
  category: 'project-management',
  eventName: (e) =>
    e.payload.has('event_type')
      ? `${e.payload.str('event_type')}_v3`
      : `${e.payload.str('kind')}_v5`,
  events: {
    story_update_v3: v3(v3StoryTopic),
    note_create_v3: v3(() => 'Comment added'),
    story_create_v3: v3(v3StoryTopic, true),
    story_update_activity_v5: storyUpdated,
    story_create_activity_v5: storyCreated,
    story_move_activity_v5: storyMoved,
    comment_create_activity_v5: commentCreated,
  },
  // Activities Zulip recognises and does not post.
  ignoredEvents: [
    'task_create_activity',
    'comment_delete_activity',
    'task_delete_activity',
    'task_update_activity',
    'story_move_from_project_activity',
    'story_delete_activity',
    'story_move_into_project_activity',
    'epic_update_activity',
    'label_create_activity',
  ].map((kind) => `${kind}_v5`),
  // Pivotal signs nothing and sends no custom header: a secret goes in the URL.
  verify: tokenParam('secret'),
});
