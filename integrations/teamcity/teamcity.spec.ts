import { dispatchWebhook } from '../core/dispatch';
import { describeFixtures, webhookInput } from '../core/testing';
import { SHARED_FIXTURES } from './teamcity.expectations';
import { teamcityIntegration as teamcity } from './teamcity.handler';

describeFixtures('TeamCity on the captured fixtures in ../shared', SHARED_FIXTURES);

describe('TeamCity', () => {
  const build = {
    buildFullName: 'Hub :: Tests',
    buildNumber: '42',
    buildStatusUrl: 'http://tc/viewLog.html?buildId=42',
    teamcityProperties: [],
  };

  it('announces a started build', () => {
    const input = webhookInput({ build: { ...build, buildResult: 'running' } });
    expect(dispatchWebhook(teamcity, input)).toMatchObject({
      kind: 'message',
      message: {
        topic: 'Hub :: Tests',
        body: expect.stringMatching(/^Hub :: Tests build 42 has started\./),
      },
    });
  });

  it('reports another result as unsupported', () => {
    const input = webhookInput({ build: { ...build, buildResult: 'unknown' } });
    expect(dispatchWebhook(teamcity, input).kind).toBe('unsupported');
  });
});
