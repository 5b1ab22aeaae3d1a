import { defineIntegration, EventHandler, WebhookEvent } from '../core/define';
import { blockQuote } from '../core/text';
import { hmacHeader } from '../core/verify';

/**
 * Front (shared inboxes): a rule's "Send to a Webhook" action posts each conversation event as
 * JSON, its kind in `type`. Topic: the conversation's id (`cnv_keo696`), as Zulip's Front
 * integration names it.
 */

const conversation = (e: WebhookEvent) => e.payload.str('conversation.id');
const person = (e: WebhookEvent, who: 'source' | 'target') =>
  `${e.payload.str(`${who}.data.first_name`)} ${e.payload.str(`${who}.data.last_name`)}`;

/** A message in the conversation: its link, the contact and the inbox's address. */
function message(kind: string, direction: 'in' | 'out'): EventHandler {
  return (e) => {
    const contact = e.payload.str('conversation.recipient.handle');
    const inbox = e.payload.obj('source').list('data')[0]?.str('address') ?? '';
    return e.message(conversation(e), 'message', {
      kind,
      url: `https://app.frontapp.com/open/${e.payload.str('target.data.id')}`,
      from: direction === 'in' ? contact : inbox,
      to: direction === 'in' ? inbox : contact,
      subject:
        kind === 'Outbound reply'
          ? null
          : blockQuote(`*Subject*: ${e.payload.str('conversation.subject')}`),
    });
  };
}

const comment: EventHandler = (e) =>
  e.message(conversation(e), 'comment', {
    name: person(e, 'source'),
    comment: blockQuote(e.payload.str('target.data.body')),
  });

/** "Archived by **Ada Lovelace**." */
const by =
  (what: string): EventHandler =>
  (e) =>
    e.message(conversation(e), 'by', { what, name: person(e, 'source') });

const tagged =
  (verb: string): EventHandler =>
  (e) =>
    e.message(conversation(e), 'tag', {
      name: person(e, 'source'),
      verb,
      tag: e.payload.str('target.data.name'),
    });

export const frontIntegration = defineIntegration({
  name: 'front',
  displayName: 'Front',
  category: 'project-management',
  eventField: 'type',
  events: {
    inbound: message('Inbound message', 'in'),
    outbound: message('Outbound message', 'out'),
    out_reply: message('Outbound reply', 'out'),
    comment,
    mention: comment,
    assign: (e) => {
      const source = person(e, 'source');
      const target = person(e, 'target');
      return e.message(conversation(e), 'assign', {
        source,
        target: source === target ? null : target,
      });
    },
    unassign: by('Unassigned'),
    archive: by('Archived'),
    reopen: by('Reopened'),
    trash: by('Deleted'),
    restore: by('Restored'),
    tag: tagged('added'),
    untag: tagged('removed'),
  },
  // Front signs each delivery with the app's API secret: base64 HMAC-SHA1 of the body.
  verify: hmacHeader({ header: 'X-Front-Signature', algorithm: 'sha1', encoding: 'base64' }),
});
