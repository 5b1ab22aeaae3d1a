import { dispatchWebhook } from '../core/dispatch';
import { describeFixtures, webhookInput } from '../core/testing';
import { SHARED_FIXTURES } from './statuspage.expectations';
import { statuspageIntegration as statuspage } from './statuspage.handler';

describeFixtures('Statuspage on the captured fixtures in ../shared', SHARED_FIXTURES);

describe('Statuspage', () => {
  it('reports a notification that is neither an incident nor a component as unsupported', () => {
    const payload = { page: { status_description: 'All Systems Operational' } };
    expect(dispatchWebhook(statuspage, webhookInput(payload))).toEqual({
      kind: 'unsupported',
      event: 'unknown-event',
    });
  });
});
