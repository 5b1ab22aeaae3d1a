import { dispatchWebhook } from '../core/dispatch';
import { describeFixtures, loadFixture, webhookInput } from '../core/testing';
import { SHARED_FIXTURES } from './pingdom.expectations';
import { pingdomIntegration as pingdom } from './pingdom.handler';

describeFixtures('Pingdom on the captured fixtures in ../shared', SHARED_FIXTURES);

describe('Pingdom', () => {
  it('reports a check type it does not know as unsupported', () => {
    const payload = {
      ...(loadFixture(SHARED_FIXTURES.dir, 'smtp_up_to_down.json') as object),
      check_type: 'TRANSACTION',
    };
    expect(dispatchWebhook(pingdom, webhookInput(payload))).toEqual({
      kind: 'unsupported',
      event: 'TRANSACTION',
    });
  });
});
