import { defineIntegration, EventHandler, WebhookEvent } from '../core/define';
import { blockQuote } from '../core/text';
import { tokenParam } from '../core/verify';

/**
 * Groove (help desk): a JSON document per ticket event, named in the `X-Groove-Event` header.
 * Every message goes to the topic "notifications", as Zulip's Groove integration posts them.
 */
const TOPIC = 'notifications';

/** The last part of a Groove API link: an agent's or customer's e-mail, a ticket's number. */
const lastSegment = (href: string) => href.replace(/\/+$/, '').split('/').pop() ?? href;

function replied(action: string): EventHandler {
  return (e: WebhookEvent) =>
    e.message(TOPIC, 'replied', {
      actor: lastSegment(e.payload.str('links.author.href')),
      action,
      number: lastSegment(e.payload.str('links.ticket.href')),
      url: e.payload.str('app_ticket_url'),
      body: blockQuote(e.payload.str('plain_text_body')),
    });
}

export const grooveIntegration = defineIntegration({
  name: 'groove',
  displayName: 'Groove',
  category: 'project-management',
  eventHeader: 'X-Groove-Event',
  events: {
    ticket_started: (e) =>
      e.message(TOPIC, 'started', {
        customer: e.payload.str('customer_name'),
        number: e.payload.num('number'),
        title: e.payload.str('title'),
        url: e.payload.str('app_url'),
        summary: blockQuote(e.payload.str('summary')),
      }),
    ticket_assigned: (e) => {
      const assignee = e.payload.optStr('assignee');
      const group = e.payload.optStr('assigned_group');
      // Unassigned (neither an agent nor a group): nothing to say.
      if (!assignee && !group) return null;
      const state = e.payload.str('state');
      return e.message(TOPIC, 'assigned', {
        number: e.payload.num('number'),
        title: e.payload.str('title'),
        url: e.payload.str('app_url'),
        state: state === 'opened' ? 'open' : state,
        assignee: assignee && group ? `${assignee} from ${group}` : (assignee ?? group),
      });
    },
    agent_replied: replied('replied to'),
    customer_replied: replied('replied to'),
    note_added: replied('left a note on'),
  },
  // Groove signs nothing and sends no custom header: a secret goes in the URL.
  verify: tokenParam('secret'),
});
