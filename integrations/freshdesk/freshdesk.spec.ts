import { dispatchWebhook } from '../core/dispatch';
import { deliverWith, describeFixtures, webhookInput } from '../core/testing';
import { SHARED_FIXTURES } from './freshdesk.expectations';
import { freshdeskIntegration as freshdesk } from './freshdesk.handler';

describeFixtures('Freshdesk on the captured fixtures in ../shared', SHARED_FIXTURES);

const ticket = (triggered_event: string) =>
  webhookInput({
    freshdesk_webhook: {
      triggered_event,
      ticket_id: '5',
      ticket_url: 'https://hub.freshdesk.com/helpdesk/tickets/5',
      ticket_subject: 'Printer on fire',
      requester_name: 'Ada',
      requester_email: 'ada@example.org',
    },
  });

describe('Freshdesk', () => {
  it('names a custom status by its number', () => {
    expect(deliverWith(freshdesk)(ticket('{status:{from:2,to:12}}')).message?.body).toBe(
      'Ada <ada@example.org> updated [ticket #5](https://hub.freshdesk.com/helpdesk/tickets/5):\n\n* **Status**: Open -> 12',
    );
  });

  it('answers other triggers as unsupported, named after their field', () => {
    expect(dispatchWebhook(freshdesk, ticket('{group:{from:1,to:2}}'))).toEqual({
      kind: 'unsupported',
      event: 'group_changed',
    });
  });

  it('has no signature of its own: the operator adds an X-Webhook-Token header', () => {
    expect(freshdesk.verify).toBeUndefined();
  });
});
