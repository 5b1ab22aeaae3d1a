import { dispatchWebhook } from '../core/dispatch';
import { describeFixtures, webhookInput } from '../core/testing';
import { SHARED_FIXTURES } from './appveyor.expectations';
import { appveyorIntegration as appveyor } from './appveyor.handler';

describeFixtures('AppVeyor on the captured fixtures in ../shared', SHARED_FIXTURES);

describe('AppVeyor', () => {
  it('reports deployment events as unsupported', () => {
    const input = webhookInput({ eventName: 'deployment_success', eventData: {} });
    expect(dispatchWebhook(appveyor, input)).toEqual({
      kind: 'unsupported',
      event: 'deployment_success',
    });
  });
});
