import { dispatchWebhook } from '../core/dispatch';
import { AnomalousPayloadError } from '../core/payload';
import { describeFixtures, loadFixture, webhookInput } from '../core/testing';
import { SHARED_FIXTURES } from './opsgenie.expectations';
import { opsgenieIntegration as opsgenie } from './opsgenie.handler';

describeFixtures('Opsgenie on the captured fixtures in ../shared', SHARED_FIXTURES);

describe('Opsgenie', () => {
  const close = () => loadFixture(SHARED_FIXTURES.dir, 'close.json') as Record<string, unknown>;

  it('reports an action it does not know as unsupported', () => {
    expect(dispatchWebhook(opsgenie, webhookInput({ ...close(), action: 'Merge' }))).toEqual({
      kind: 'unsupported',
      event: 'Merge',
    });
  });

  it('posts the other actions Opsgenie documents, such as a priority change', () => {
    const outcome = dispatchWebhook(
      opsgenie,
      webhookInput({ ...close(), action: 'UpdatePriority' }),
    );
    expect(outcome.kind === 'message' && outcome.message.body).toContain(
      '* **Type**: UpdatePriority',
    );
  });

  it('refuses a payload without its integration name', () => {
    const { integrationName: _omitted, ...payload } = close();
    expect(() => dispatchWebhook(opsgenie, webhookInput(payload))).toThrow(AnomalousPayloadError);
  });
});
