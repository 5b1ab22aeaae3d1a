import { defineIntegration, post } from './define';
import { dispatchWebhook } from './dispatch';
import { AnomalousPayloadError } from './payload';
import { webhookInput } from './testing';
import { MAX_MESSAGE_LENGTH } from './text';

/** A made-up service, rendered with core/templates/helpers-example.hbs. */
const byHeader = defineIntegration({
  name: 'example',
  displayName: 'Example',
  category: 'other',
  folder: 'core',
  eventHeader: 'X-Example-Event',
  events: {
    opened: post(
      (e) => `${e.payload.str('repo')} / ${e.payload.str('title')}`,
      'helpers-example',
      (e) => ({
        title: e.payload.str('title'),
        url: e.payload.str('url'),
        sha: 'abcdef0123',
        commitUrl: null,
        people: [],
        body: e.payload.str('body'),
      }),
    ),
    closed: (e) => (e.flag('announce_closed', true) ? { topic: 'closed', body: 'Closed.' } : null),
  },
  ignoredEvents: ['ping'],
  branchOf: (e) => e.payload.optStr('branch'),
});

const byField = defineIntegration({
  name: 'example2',
  displayName: 'Example 2',
  category: 'other',
  eventField: 'event.type',
  events: { done: () => ({ topic: 'builds', body: 'Done.' }) },
});

const payload = { repo: 'hub', title: 'Fix the queue', url: 'https://x.example/1', body: 'Ok' };

describe('defineIntegration', () => {
  it('takes the event from the header it names, renders the table entry and cuts the topic', () => {
    const outcome = dispatchWebhook(
      byHeader,
      webhookInput({ ...payload, title: 'x'.repeat(80) }, {}, { 'X-Example-Event': 'opened' }),
    );
    expect(outcome).toMatchObject({ kind: 'message', event: 'opened' });
    if (outcome.kind !== 'message') throw new Error('no message');
    expect(outcome.message.topic).toBe(`hub / ${'x'.repeat(51)}...`);
    expect(outcome.message.body).toContain(`[${'x'.repeat(80)}](https://x.example/1) abcdef0`);
  });

  it('takes the event from a payload field, and a missing field is an anomalous payload', () => {
    expect(dispatchWebhook(byField, webhookInput({ event: { type: 'done' } })).kind).toBe(
      'message',
    );
    expect(() => dispatchWebhook(byField, webhookInput({}))).toThrow(AnomalousPayloadError);
  });

  it('tells ignored events from unsupported ones, and a handler may post nothing', () => {
    const send = (event: string, options: Record<string, string> = {}) =>
      dispatchWebhook(byHeader, webhookInput(payload, options, { 'X-Example-Event': event }));
    expect(send('ping').kind).toBe('ignored');
    expect(send('deleted')).toEqual({ kind: 'unsupported', event: 'deleted' });
    expect(send('closed').kind).toBe('message');
    expect(send('closed', { announce_closed: 'false' }).kind).toBe('ignored');
    expect(() => send('closed', { announce_closed: 'maybe' })).toThrow(AnomalousPayloadError);
  });

  it('documents the branches parameter when the integration filters branches', () => {
    expect(Object.keys(byHeader.parameters ?? {})).toEqual(['branches']);
    expect(byField.parameters).toBeUndefined();
    expect(byHeader.branchOf?.(webhookInput({ branch: 'main' }))).toBe('main');
  });

  it('caps every body at 10,000 characters', () => {
    const outcome = dispatchWebhook(
      byHeader,
      webhookInput({ ...payload, body: 'word '.repeat(5000) }, {}, { 'X-Example-Event': 'opened' }),
    );
    if (outcome.kind !== 'message') throw new Error('no message');
    expect([...outcome.message.body].length).toBeLessThanOrEqual(MAX_MESSAGE_LENGTH);
    expect(outcome.message.body.endsWith('[message truncated]')).toBe(true);
  });

  it('refuses a definition that does not say where the event comes from', () => {
    expect(() =>
      defineIntegration({ name: 'x', displayName: 'X', category: 'other', events: {} }),
    ).toThrow('say where the event comes from');
  });
});

describe('a delivery that posts several messages', () => {
  const batch = defineIntegration({
    name: 'batch',
    displayName: 'Batch',
    category: 'other',
    folder: 'core',
    eventField: 'kind',
    events: {
      batch: (e) =>
        e.payload.list('items').map((item) => ({
          topic: item.str('name'),
          body: item.str('text'),
        })),
    },
  });

  it('gives each message its own topic, in the payload order, each body capped', () => {
    const long = 'x'.repeat(MAX_MESSAGE_LENGTH + 10);
    const items = [
      { name: 'b', text: 'first' },
      { name: 'a', text: long },
    ];
    const outcome = dispatchWebhook(batch, webhookInput({ kind: 'batch', items }));
    expect(outcome.kind).toBe('messages');
    if (outcome.kind !== 'messages') return;
    expect(outcome.messages.map((m) => m.topic)).toEqual(['b', 'a']);
    expect(outcome.messages[0].body).toBe('first');
    expect(outcome.messages[1].body.length).toBeLessThanOrEqual(MAX_MESSAGE_LENGTH);
  });

  it('is one message for a list of one, and nothing for an empty list', () => {
    expect(
      dispatchWebhook(batch, webhookInput({ kind: 'batch', items: [{ name: 'a', text: 't' }] })),
    ).toEqual({ kind: 'message', event: 'batch', message: { topic: 'a', body: 't' } });
    expect(dispatchWebhook(batch, webhookInput({ kind: 'batch', items: [] }))).toEqual({
      kind: 'ignored',
      event: 'batch',
    });
  });
});
