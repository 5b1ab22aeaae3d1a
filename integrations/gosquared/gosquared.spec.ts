import { dispatchWebhook } from '../core/dispatch';
import { describeFixtures, loadFixture, webhookInput } from '../core/testing';
import { SHARED_FIXTURES } from './gosquared.expectations';
import { gosquaredIntegration as gosquared } from './gosquared.handler';

describeFixtures('GoSquared on the captured fixtures in ../shared', SHARED_FIXTURES);

describe('GoSquared', () => {
  it('posts nothing for a private chat message', () => {
    const payload = loadFixture(SHARED_FIXTURES.dir, 'chat_message.json') as {
      message: Record<string, unknown>;
    };
    payload.message.private = true;
    expect(dispatchWebhook(gosquared, webhookInput(payload))).toEqual({
      kind: 'ignored',
      event: 'chat_message',
    });
  });

  it('reports a payload of another shape as unsupported', () => {
    expect(dispatchWebhook(gosquared, webhookInput({ site_token: 'GSN-1' }))).toEqual({
      kind: 'unsupported',
      event: 'unknown_event',
    });
  });
});
