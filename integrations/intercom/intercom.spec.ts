import { createHmac } from 'node:crypto';
import { dispatchWebhook } from '../core/dispatch';
import { AnomalousPayloadError } from '../core/payload';
import { deliverWith, describeFixtures, webhookInput } from '../core/testing';
import { SHARED_FIXTURES } from './intercom.expectations';
import { intercomIntegration as intercom } from './intercom.handler';

describeFixtures('Intercom on the captured fixtures in ../shared', SHARED_FIXTURES);

const notification = (topic: string, item: object) => webhookInput({ topic, data: { item } });

describe('Intercom', () => {
  it('renders a reply written in HTML as Markdown', () => {
    const input = notification('conversation.admin.replied', {
      user: { type: 'user', name: 'Ada' },
      assignee: { name: 'Grace' },
      conversation_parts: {
        conversation_parts: [
          { body: '<p>See <a href="https://docs.example.org">the docs</a>.</p>' },
        ],
      },
    });
    expect(deliverWith(intercom)(input).message).toEqual({
      topic: 'User: Ada',
      body: 'Grace replied to the conversation:\n\n~~~ quote\nSee [the docs](https://docs.example.org).\n~~~',
    });
  });

  it('answers other topics as unsupported', () => {
    expect(dispatchWebhook(intercom, notification('conversation.rating.added', {}))).toEqual({
      kind: 'unsupported',
      event: 'conversation.rating.added',
    });
  });

  it('refuses a notification without its item as anomalous', () => {
    const input = webhookInput({ topic: 'user.created', data: {} });
    expect(() => deliverWith(intercom)(input)).toThrow(AnomalousPayloadError);
  });

  it("checks Intercom's X-Hub-Signature (sha1 HMAC of the body)", () => {
    const rawBody = Buffer.from('{"topic":"ping"}');
    const digest = createHmac('sha1', 'shh').update(rawBody).digest('hex');
    const check = (headers: Record<string, string>) => () =>
      intercom.verify!('shh', { rawBody, headers, query: {} });
    expect(check({ 'x-hub-signature': `sha1=${digest}` })).not.toThrow();
    expect(check({ 'x-hub-signature': 'sha1=00' })).toThrow();
  });
});
