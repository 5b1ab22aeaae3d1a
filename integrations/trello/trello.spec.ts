import { dispatchWebhook } from '../core/dispatch';
import { AnomalousPayloadError } from '../core/payload';
import { deliverWith, describeFixtures, webhookInput } from '../core/testing';
import { SHARED_FIXTURES } from './trello.expectations';
import { trelloIntegration as trello } from './trello.handler';

describeFixtures('Trello on the captured fixtures in ../shared', SHARED_FIXTURES);

const action = (type: string, data: object) =>
  webhookInput({ action: { type, data, memberCreator: { fullName: 'Ada' } } });
const board = { name: 'Roadmap', shortLink: 'b1' };
const card = { name: 'Ship it', shortLink: 'c1' };

describe('Trello', () => {
  it.each(['copyCard', 'createCheckItem', 'updateCheckItem', 'updateList'])(
    'recognises %s and posts nothing',
    (type) => {
      expect(dispatchWebhook(trello, action(type, { board, card })).kind).toBe('ignored');
    },
  );

  it('answers other actions as unsupported, by their type', () => {
    expect(dispatchWebhook(trello, action('deleteCard', { board }))).toEqual({
      kind: 'unsupported',
      event: 'deleteCard',
    });
  });

  it('names an unknown kind of card or board update by the fields it changed', () => {
    expect(
      dispatchWebhook(trello, action('updateCard', { board, card, old: { idLabels: [] } })),
    ).toEqual({ kind: 'unsupported', event: 'updateCard:idLabels' });
    expect(
      dispatchWebhook(trello, action('updateBoard', { board, old: { closed: false } })),
    ).toEqual({ kind: 'unsupported', event: 'updateBoard:closed' });
  });

  it('posts nothing for a new card cover', () => {
    const input = action('updateCard', { board, card, old: { idAttachmentCover: 'a1' } });
    expect(dispatchWebhook(trello, input)).toEqual({ kind: 'ignored', event: 'updateCard' });
  });

  it('quotes a comment whose own code blocks would close a ~~~ quote', () => {
    const text = 'Try:\n~~~\nnpm test\n~~~';
    const message = deliverWith(trello)(action('commentCard', { board, card, text })).message;
    expect(message?.body).toBe(
      'Ada commented on [Ship it](https://trello.com/c/c1):\n``` quote\nTry:\n~~~\nnpm test\n~~~\n```',
    );
  });

  it('refuses an action without its board as anomalous', () => {
    expect(() => deliverWith(trello)(action('createCard', { card }))).toThrow(
      AnomalousPayloadError,
    );
  });

  it('checks a secret given in the webhook URL', () => {
    const check = (query: Record<string, string>) => () =>
      trello.verify!('shh', { rawBody: Buffer.from('{}'), headers: {}, query });
    expect(check({ secret: 'shh' })).not.toThrow();
    expect(check({ secret: 'no' })).toThrow();
    expect(check({})).toThrow();
  });
});
