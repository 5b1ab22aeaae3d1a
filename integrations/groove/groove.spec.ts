import { dispatchWebhook } from '../core/dispatch';
import { AnomalousPayloadError } from '../core/payload';
import { deliverWith, describeFixtures, webhookInput } from '../core/testing';
import { SHARED_FIXTURES } from './groove.expectations';
import { grooveIntegration as groove } from './groove.handler';

describeFixtures('Groove on the captured fixtures in ../shared', SHARED_FIXTURES);

const as = (event: string, payload: object) =>
  webhookInput(payload, {}, { 'X-Groove-Event': event });

describe('Groove', () => {
  it('reads the event from the X-Groove-Event header', () => {
    expect(groove.eventHeader).toBe('X-Groove-Event');
  });

  it('answers other events as unsupported', () => {
    expect(dispatchWebhook(groove, as('customer_updated', {}))).toEqual({
      kind: 'unsupported',
      event: 'customer_updated',
    });
  });

  it('refuses a reply without its author link as anomalous', () => {
    const input = as('agent_replied', { plain_text_body: 'Hi', app_ticket_url: 'https://g/t/1' });
    expect(() => deliverWith(groove)(input)).toThrow(AnomalousPayloadError);
  });

  it('checks a secret given in the webhook URL', () => {
    const check = (query: Record<string, string>) => () =>
      groove.verify!('shh', { rawBody: Buffer.from('{}'), headers: {}, query });
    expect(check({ secret: 'shh' })).not.toThrow();
    expect(check({})).toThrow();
  });
});
