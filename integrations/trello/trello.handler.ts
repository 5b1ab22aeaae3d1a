import { defineIntegration, EventHandler, WebhookEvent } from '../core/define';
import { Payload } from '../core/payload';
import { blockQuote, link } from '../core/text';
import { tokenParam } from '../core/verify';

/**
 * Trello: one JSON document per board action (`{"model": ..., "action": {"type": ..., "data":
 * ..., "memberCreator": ...}}`), the action named by `action.type`. Topic: the board's name, as
 * Zulip's Trello integration names it; every message starts with who acted.
 */

const data = (e: WebhookEvent) => e.payload.obj('action.data');
const boardTopic = (e: WebhookEvent) => e.payload.str('action.data.board.name');

const cardLink = (d: Payload) =>
  link(d.str('card.name'), `https://trello.com/c/${d.str('card.shortLink')}`);
const boardLink = (d: Payload) =>
  link(d.str('board.name'), `https://trello.com/b/${d.str('board.shortLink')}`);

/** Trello's `2016-05-24T10:00:00.000Z`, as `2016-05-24 10:00:00 UTC`. */
const prettyDate = (date: string) =>
  date.replace('T', ' ').replace('.000', '').replace('Z', ' UTC');

/** What an `updateCard` changed, from its `old` values; null: a change Zulip does not post. */
type CardChange =
  | 'moved'
  | 'renamed'
  | 'descriptionSet'
  | 'descriptionChanged'
  | 'descriptionRemoved'
  | 'dueSet'
  | 'dueChanged'
  | 'dueRemoved'
  | 'archived'
  | 'reopened';

/** Card changes that post nothing: order within a list, the cover, the due date's tick. */
const QUIET_CARD_FIELDS = ['pos', 'cover', 'idAttachmentCover', 'dueComplete'];

function cardChange(d: Payload): CardChange | null | undefined {
  const old = d.obj('old');
  if (d.has('listBefore')) return 'moved';
  if (old.optStr('name')) return 'renamed';
  if (old.has('desc')) {
    if (old.str('desc') === '') return 'descriptionSet';
    return d.optStr('card.desc') ? 'descriptionChanged' : 'descriptionRemoved';
  }
  if (old.keys().includes('due')) {
    if (!old.optStr('due')) return 'dueSet';
    return d.optStr('card.due') ? 'dueChanged' : 'dueRemoved';
  }
  if (old.has('closed')) return old.bool('closed') ? 'reopened' : 'archived';
  if (QUIET_CARD_FIELDS.some((field) => old.keys().includes(field))) return null;
  return undefined;
}

/** A board update Zulip posts: a rename; a new background posts nothing. */
function boardChange(d: Payload): 'renamed' | null | undefined {
  const old = d.obj('old');
  if (old.has('prefs') && old.obj('prefs').keys().includes('background')) return null;
  if (old.optStr('name')) return 'renamed';
  return undefined;
}

/** A message: who acted, then the template's sentence. */
function say(template: string, context: (e: WebhookEvent, d: Payload) => object): EventHandler {
  return (e) =>
    e.message(boardTopic(e), template, {
      actor: e.payload.optStr('action.memberCreator.fullName') ?? 'Someone',
      ...context(e, data(e)),
    });
}

const card = (_e: WebhookEvent, d: Payload) => ({ card: cardLink(d) });

const updateCard: EventHandler = (e) => {
  const d = data(e);
  const change = cardChange(d);
  if (!change) return null;
  return say('card-updated', () => ({
    [change]: true,
    card: cardLink(d),
    oldList: d.optStr('listBefore.name'),
    newList: d.optStr('listAfter.name'),
    oldName: d.optStr('old.name'),
    description: d.optStr('card.desc') ? blockQuote(d.str('card.desc')) : null,
    oldDescription: d.optStr('old.desc') ? blockQuote(d.str('old.desc')) : null,
    due: d.optStr('card.due') ? prettyDate(d.str('card.due')) : null,
    oldDue: d.optStr('old.due') ? prettyDate(d.str('old.due')) : null,
  }))(e);
};

const updateBoard: EventHandler = (e) =>
  boardChange(data(e))
    ? say('board-renamed', (_e, d) => ({ board: boardLink(d), oldName: d.str('old.name') }))(e)
    : null;

const label = (_e: WebhookEvent, d: Payload) => ({
  card: cardLink(d),
  color: d.str('value'),
  text: d.str('text'),
});
const member = (e: WebhookEvent, d: Payload) => ({
  card: d.has('card') ? cardLink(d) : null,
  board: boardLink(d),
  member: e.payload.str('action.member.fullName'),
});

export const trelloIntegration = defineIntegration({
  name: 'trello',
  displayName: 'Trello',
  category: 'project-management',
  eventName: (e) => {
    const type = e.payload.str('action.type');
    // An update of a kind nobody has seen is unsupported, named by the fields it changed.
    if (type === 'updateCard' && cardChange(data(e)) === undefined) {
      return `updateCard:${data(e).keys('old').join(',')}`;
    }
    if (type === 'updateBoard' && boardChange(data(e)) === undefined) {
      return `updateBoard:${data(e).keys('old').join(',')}`;
    }
    return type;
  },
  events: {
    createCard: say('card-created', card),
    updateCard,
    addLabelToCard: say('label-added', label),
    removeLabelFromCard: say('label-removed', label),
    addMemberToCard: say('member-added', member),
    removeMemberFromCard: say('member-removed', member),
    addAttachmentToCard: say('attachment-added', (_e, d) => ({
      card: cardLink(d),
      attachment: link(d.str('attachment.name'), d.optStr('attachment.url')),
    })),
    addChecklistToCard: say('checklist-added', (_e, d) => ({
      card: cardLink(d),
      checklist: d.str('checklist.name'),
    })),
    commentCard: say('commented', (_e, d) => ({
      card: cardLink(d),
      comment: blockQuote(d.str('text')),
    })),
    updateCheckItemStateOnCard: say('check-item', (_e, d) => ({
      card: cardLink(d),
      checked: d.str('checkItem.state') === 'complete',
      item: d.str('checkItem.name'),
      checklist: d.str('checklist.name'),
    })),
    addMemberToBoard: say('member-added', member),
    removeMemberFromBoard: say('member-removed', member),
    createList: say('list-created', (_e, d) => ({
      board: boardLink(d),
      list: d.str('list.name'),
    })),
    updateBoard,
  },
  ignoredEvents: ['copyCard', 'createCheckItem', 'updateCheckItem', 'updateList'],
  // Trello signs with the app secret over the body and callback URL, which a proxy may rewrite;
  // a secret in the URL is checked instead.
  verify: tokenParam('secret'),
});
