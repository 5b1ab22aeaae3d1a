import type { IntegrationDefinition, WebhookInput } from '../core/integration';
import { Payload } from '../core/payload';
import { render } from '../core/templates';
import { truncateTopic } from '../core/text';

/**
 * Trac tickets, posted by the plugin shipped beside this file (`zulip_hub_trac.py`):
 * `{"event": "ticket_created" | "ticket_changed" | "ticket_deleted", "ticket": {...}, ...}`.
 * Topic `#id: summary`; bodies as Zulip's Trac plugin writes them.
 */
const NAME = 'trac';

function ticketTopic(t: Payload): string {
  return truncateTopic(`#${t.num('id')}: ${t.str('summary')}`);
}

/** A Markdown quote block of multi-line text. */
function quote(text: string): string {
  return text
    .split('\n')
    .map((line) => `> ${line}`.trimEnd())
    .join('\n');
}

function renderCreated(input: WebhookInput) {
  const p = new Payload(input.payload);
  const t = p.obj('ticket');
  const summary = t.str('summary');
  const topic = ticketTopic(t);
  const description = t.optStr('description');
  const body = render(NAME, 'created', {
    reporter: t.str('reporter'),
    id: t.num('id'),
    url: t.str('url'),
    component: t.optStr('component') || 'none',
    priority: t.optStr('priority') || 'none',
    // The full summary is repeated in bold only when the topic had to cut it.
    summary: topic === `#${t.num('id')}: ${summary}` ? null : summary,
    description: description ? quote(description) : null,
  });
  return { topic, body };
}

interface FieldChange {
  field: string;
  old: string;
  new: string;
}

function fieldChanges(p: Payload): FieldChange[] {
  const changes = p.optObj('changes');
  if (!changes || typeof changes.raw !== 'object' || changes.raw === null) return [];
  return Object.keys(changes.raw).map((field) => {
    const c = changes.obj(field);
    return { field, old: c.optStr('old') ?? '', new: c.optStr('new') ?? '' };
  });
}

function changeText(c: FieldChange): string {
  if (c.old === '') return `${c.field}: => **${c.new}**`;
  if (c.new === '') return `${c.field}: **${c.old}** => ""`;
  return `${c.field}: **${c.old}** => **${c.new}**`;
}

function renderChanged(input: WebhookInput) {
  const p = new Payload(input.payload);
  const t = p.obj('ticket');
  const comment = p.optStr('comment');
  const changes = fieldChanges(p);
  if (!comment && changes.length === 0) return null;
  const description = changes.find((c) => c.field === 'description');
  const body = render(NAME, 'changed', {
    author: p.str('author'),
    id: t.num('id'),
    url: t.str('url'),
    comment: comment ? quote(comment) : null,
    description: description
      ? { old: quote(description.old || ' '), new: quote(description.new || ' ') }
      : null,
    fields:
      changes
        .filter((c) => c.field !== 'description')
        .map(changeText)
        .join(', ') || null,
  });
  return { topic: ticketTopic(t), body };
}

function renderDeleted(input: WebhookInput) {
  const t = new Payload(input.payload).obj('ticket');
  const body = render(NAME, 'deleted', { id: t.num('id'), url: t.str('url') });
  return { topic: ticketTopic(t), body };
}

export const tracIntegration: IntegrationDefinition = {
  name: NAME,
  displayName: 'Trac',
  category: 'project-management',
  eventName: (input) => new Payload(input.payload).str('event'),
  events: {
    ticket_created: renderCreated,
    ticket_changed: renderChanged,
    ticket_deleted: renderDeleted,
  },
  ignoredEvents: [],
};
