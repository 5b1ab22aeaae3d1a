import { dispatchWebhook } from '../core/dispatch';
import { AnomalousPayloadError } from '../core/payload';
import { describeFixtures, loadFixture, webhookInput } from '../core/testing';
import { SHARED_FIXTURES } from './thinkst.expectations';
import { thinkstIntegration as thinkst } from './thinkst.handler';

describeFixtures('Thinkst Canary on the captured fixtures in ../shared', SHARED_FIXTURES);

describe('Thinkst Canary', () => {
  const dummy = () => loadFixture(SHARED_FIXTURES.dir, 'canary_dummy.json') as object;

  it('reports another alert type as unsupported', () => {
    expect(dispatchWebhook(thinkst, webhookInput({ ...dummy(), AlertType: 'Disconnect' }))).toEqual(
      { kind: 'unsupported', event: 'Disconnect' },
    );
  });

  it('refuses details that are not [label, value] pairs', () => {
    const payload = { ...dummy(), AdditionalDetails: [{ Field1: 'VALUE1' }] };
    expect(() => dispatchWebhook(thinkst, webhookInput(payload))).toThrow(AnomalousPayloadError);
  });
});
