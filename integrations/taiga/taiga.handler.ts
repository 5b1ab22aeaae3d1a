import { defineIntegration, EventHandler, WebhookEvent } from '../core/define';
import { Payload } from '../core/payload';
import { link } from '../core/text';
import { hmacHeader } from '../core/verify';

/**
 * Taiga: a JSON document per change to a project's epics, user stories, tasks, issues and
 * sprints (`{"type": "userstory", "action": "change", "by": ..., "data": ..., "change": {"diff":
 * ..., "comment": ...}}`). One message per delivery, one line per change (sorted, as Zulip writes
 * them); topic: the item's sprint, or "General", as Zulip's Taiga integration names it.
 */

/** The item as Zulip names it: linked when Taiga gives its permalink, else in bold. */
function named(item: Payload): string {
  const subject = item.optStr('subject') || item.str('name');
  const url = item.optStr('permalink');
  return url ? link(subject, url) : `**${subject}**`;
}

const who = (p: Payload) => link(p.str('by.full_name'), p.optStr('by.permalink'));

const topic = (e: WebhookEvent) => e.payload.optStr('data.milestone.name') ?? 'General';

/** A line: the change's kind (a block of templates/<type>.hbs) and the values it names. */
interface Line {
  kind: string;
  values: Record<string, string | null>;
}

/** A diff value Taiga sends as text (null when unset). */
function text(diff: Payload, field: string, end: 'from' | 'to'): string | null {
  const value = diff.obj(field).raw as Record<string, unknown>;
  const v = value[end];
  return typeof v === 'string' ? v : v === null || v === undefined ? null : String(v);
}

const SET_UNSET = ['milestone', 'assigned_to'];
const DATES = ['estimated_finish', 'estimated_start', 'due_date'];
const CHANGED = ['priority', 'severity', 'type', 'status'];

/** What one changed field says, or null for fields Zulip does not post (ordering, notes). */
function changeLine(diff: Payload, field: string): Line | null {
  const from = () => text(diff, field, 'from');
  const to = () => text(diff, field, 'to');
  if (field === 'description_diff' || field === 'points') return { kind: field, values: {} };
  if (SET_UNSET.includes(field)) {
    if (!from()) return { kind: `set_${field}`, values: { new: to() } };
    if (!to()) return { kind: `unset_${field}`, values: { old: from() } };
    return { kind: `changed_${field}`, values: { old: from(), new: to() } };
  }
  if (field === 'is_blocked') {
    return { kind: diff.bool('is_blocked.to') ? 'blocked' : 'unblocked', values: {} };
  }
  if (field === 'is_closed') {
    return { kind: diff.bool('is_closed.to') ? 'closed' : 'reopened', values: {} };
  }
  if (field === 'user_story') return { kind: 'changed_us', values: { old: from(), new: to() } };
  if (field === 'subject' || field === 'name') {
    return { kind: 'renamed', values: { old: from(), new: to() } };
  }
  if (DATES.includes(field)) {
    if (!from()) return { kind: `set_${field}`, values: { new: to() } };
    return from() !== to() ? { kind: field, values: { old: from(), new: to() } } : null;
  }
  if (CHANGED.includes(field))
    return { kind: `changed_${field}`, values: { old: from(), new: to() } };
  return null;
}

function changeLines(p: Payload): Line[] {
  const lines: Line[] = [];
  const diff = p.optObj('change.diff');
  for (const field of diff ? diff.keys() : []) {
    const line = changeLine(diff!, field);
    if (line) lines.push(line);
  }
  if (p.optStr('change.comment')) lines.push({ kind: 'commented', values: {} });
  return lines;
}

/** The message: each line rendered with its type's template, sorted, one per line. */
function linesMessage(lines: (e: WebhookEvent) => Line[]): EventHandler {
  return (e) => {
    const type = e.payload.str('type');
    const base = { user: who(e.payload) };
    const rendered = lines(e)
      .map(({ kind, values }) => e.render(type, { [kind]: true, ...base, ...values }))
      .filter((line) => line !== '')
      .sort();
    return rendered.length ? e.messageWithBody(topic(e), rendered.join('\n')) : null;
  };
}

const itemLines = (e: WebhookEvent): Line[] => {
  const action = e.payload.str('action');
  if (action === 'change') {
    const subject = named(e.payload.obj('data'));
    return changeLines(e.payload).map((l) => ({ ...l, values: { subject, ...l.values } }));
  }
  if (e.payload.str('type') === 'relateduserstory') {
    const data = e.payload.obj('data');
    const values = { epic: named(data.obj('epic')), userstory: named(data.obj('user_story')) };
    return [{ kind: action, values }];
  }
  return [{ kind: action, values: { subject: named(e.payload.obj('data')) } }];
};

const item = linesMessage(itemLines);

export const taigaIntegration = defineIntegration({
  name: 'taiga',
  displayName: 'Taiga',
  category: 'project-management',
  eventName: (e) => {
    const type = e.payload.str('type');
    const action = e.payload.str('action');
    return type === 'test' ? 'test' : `${type}_${action}`;
  },
  events: {
    ...Object.fromEntries(
      ['epic', 'userstory', 'task', 'issue', 'milestone'].flatMap((type) =>
        ['create', 'change', 'delete'].map((action) => [`${type}_${action}`, item]),
      ),
    ),
    relateduserstory_create: item,
    relateduserstory_delete: item,
    test: linesMessage(() => [{ kind: 'test', values: {} }]),
  },
  verify: hmacHeader({ header: 'X-Taiga-Webhook-Signature', algorithm: 'sha1' }),
});
