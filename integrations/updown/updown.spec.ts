import { dispatchWebhook } from '../core/dispatch';
import { describeFixtures, loadFixture, webhookInput } from '../core/testing';
import { SHARED_FIXTURES } from './updown.expectations';
import { updownIntegration as updown } from './updown.handler';

describeFixtures('Updown on the captured fixtures in ../shared', SHARED_FIXTURES);

describe('Updown', () => {
  it('reports a delivery with an event type it does not know as unsupported', () => {
    const [down] = loadFixture(SHARED_FIXTURES.dir, 'check_down_one_event.json') as object[];
    const payload = [down, { ...down, event: 'check.ssl_expiration' }];
    expect(dispatchWebhook(updown, webhookInput(payload))).toEqual({
      kind: 'unsupported',
      event: 'check.ssl_expiration',
    });
  });

  it('words a long downtime in days, hours, minutes and seconds', () => {
    const [up] = loadFixture(SHARED_FIXTURES.dir, 'check_up_again_one_event.json') as Array<{
      downtime: object;
    }>;
    const payload = [{ ...up, downtime: { ...up.downtime, duration: 90061 } }];
    const outcome = dispatchWebhook(updown, webhookInput(payload));
    expect(outcome.kind === 'message' && outcome.message.body).toBe(
      'Service is `up` again after 1 day 1 hour 1 minute 1 second.',
    );
  });
});
