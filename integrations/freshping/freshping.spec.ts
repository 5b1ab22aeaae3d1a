import { dispatchWebhook } from '../core/dispatch';
import { describeFixtures, loadFixture, webhookInput } from '../core/testing';
import { SHARED_FIXTURES } from './freshping.expectations';
import { freshpingIntegration as freshping } from './freshping.handler';

describeFixtures('Freshping on the captured fixtures in ../shared', SHARED_FIXTURES);

describe('Freshping', () => {
  it('reports another check state as unsupported', () => {
    const payload = loadFixture(SHARED_FIXTURES.dir, 'freshping_check_reachable.json') as {
      webhook_event_data: Record<string, unknown>;
    };
    payload.webhook_event_data.check_state_name = 'Paused';
    expect(dispatchWebhook(freshping, webhookInput(payload))).toEqual({
      kind: 'unsupported',
      event: 'Paused',
    });
  });
});
