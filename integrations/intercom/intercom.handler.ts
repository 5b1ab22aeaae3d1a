import { defineIntegration, EventHandler, WebhookEvent } from '../core/define';
import { htmlToMarkdown } from '../core/html';
import { Payload } from '../core/payload';
import { blockQuote } from '../core/text';
import { hmacHeader } from '../core/verify';

/**
 * Intercom: a JSON notification per workspace event, named in its `topic` field
 * (`conversation.user.replied`), the object in `data.item`. Topics as Zulip's Intercom integration
 * names them: `User: <name>` / `Contact: <name>` for a person, `Companies`, `Events`.
 */

const item = (e: WebhookEvent) => e.payload.obj('data.item');

/** "User: Ada", "Contact: Eeshan Garg": the person's type and name (or pseudonym, or e-mail). */
function personTopic(person: Payload): string {
  const type = person.str('type');
  const name = person.optStr('name') || person.optStr('pseudonym') || person.optStr('email') || '';
  return `${type.charAt(0).toUpperCase()}${type.slice(1)}: ${name}`;
}

const location = (person: Payload) =>
  ['city_name', 'region_name', 'country_name']
    .map((field) => person.optStr(`location_data.${field}`))
    .filter(Boolean)
    .join(', ');

/** A message about a person (the item itself, or a field of it): topic from the person. */
function about(
  person: (i: Payload) => Payload,
  template: string,
  context: (i: Payload) => object = () => ({}),
): EventHandler {
  return (e) => {
    const i = item(e);
    return e.message(personTopic(person(i)), template, context(i));
  };
}

const self = (i: Payload) => i;
const user = (i: Payload) => i.obj('user');
const contact = (i: Payload) => i.obj('contact');

const quoted = (html: string) => blockQuote(htmlToMarkdown(html));
const firstPart = (i: Payload) => i.list('conversation_parts.conversation_parts')[0];

/** An admin acting on a conversation ("closed", "replied to", ...), with the part's text. */
function admin(action: string, withText: boolean): EventHandler {
  return about(user, 'conversation', (i) => ({
    name: i.optStr('assignee.name') ?? 'An admin',
    action,
    text: withText ? quoted(firstPart(i)?.optStr('body') ?? '') : null,
  }));
}

const signedUp = about(self, 'signed-up', (i) => ({
  email: i.str('email'),
  location: location(i),
}));

export const intercomIntegration = defineIntegration({
  name: 'intercom',
  displayName: 'Intercom',
  category: 'project-management',
  eventField: 'topic',
  events: {
    'company.created': (e) =>
      e.message('Companies', 'company', {
        name: item(e).str('name'),
        users: item(e).num('user_count'),
        spend: item(e).num('monthly_spend'),
      }),
    'contact.added_email': about(self, 'email-added', (i) => ({ email: i.str('email') })),
    'contact.created': about(self, 'contact', (i) => ({
      name: i.optStr('name') || i.optStr('pseudonym'),
      email: i.str('email'),
      location: location(i),
    })),
    'contact.signed_up': signedUp,
    'visitor.signed_up': signedUp,
    'contact.tag.created': about(contact, 'contact-tag', (i) => ({
      name: i.str('tag.name'),
      added: true,
    })),
    'contact.tag.deleted': about(contact, 'contact-tag', (i) => ({ name: i.str('tag.name') })),
    'conversation.admin.assigned': about(user, 'assigned', (i) => ({
      name: i.str('assignee.name'),
    })),
    'conversation.admin.closed': admin('closed', false),
    'conversation.admin.opened': admin('opened', false),
    'conversation.admin.snoozed': admin('snoozed', false),
    'conversation.admin.unsnoozed': admin('unsnoozed', false),
    'conversation.admin.replied': admin('replied to', true),
    'conversation.admin.noted': admin('added a note to', true),
    'conversation.admin.single.created': about(user, 'initiated', (i) => ({
      name: i.optStr('assignee.name') ?? 'An admin',
      text: quoted(i.str('conversation_message.body')),
    })),
    'conversation.user.created': about(user, 'initiated', (i) => ({
      name: i.optStr('user.name') ?? i.optStr('user.email') ?? 'A user',
      text: quoted(i.str('conversation_message.body')),
    })),
    'conversation.user.replied': about(user, 'conversation', (i) => ({
      name: i.optStr('user.name') ?? i.optStr('user.email') ?? 'A user',
      action: 'replied to',
      text: quoted(firstPart(i)?.optStr('body') ?? ''),
    })),
    'event.created': (e) => e.message('Events', 'event', { name: item(e).str('event_name') }),
    'user.created': about(self, 'user', (i) => ({ name: i.str('name'), email: i.str('email') })),
    'user.deleted': about(self, 'user-deleted'),
    'user.email.updated': about(self, 'user-email', (i) => ({ email: i.str('email') })),
    'user.tag.created': about(user, 'user-tag', (i) => ({
      name: i.str('tag.name'),
      action: 'added to',
    })),
    'user.tag.deleted': about(user, 'user-tag', (i) => ({
      name: i.str('tag.name'),
      action: 'removed from',
    })),
    'user.unsubscribed': about(self, 'unsubscribed'),
  },
  ignoredEvents: ['ping'],
  // Intercom signs with the app's client secret: `X-Hub-Signature: sha1=<HMAC-SHA1 of the body>`.
  verify: hmacHeader({ header: 'X-Hub-Signature', algorithm: 'sha1', prefix: 'sha1=' }),
});
