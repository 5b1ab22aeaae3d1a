import { dispatchWebhook } from '../core/dispatch';
import { describeFixtures, webhookInput } from '../core/testing';
import { SHARED_FIXTURES } from './azuredevops.expectations';
import { azuredevopsIntegration as azure } from './azuredevops.handler';

describeFixtures('Azure DevOps on the captured fixtures in ../shared', SHARED_FIXTURES);

describe('Azure DevOps', () => {
  it('reports work item and build events as unsupported', () => {
    for (const eventType of ['workitem.created', 'build.complete']) {
      expect(dispatchWebhook(azure, webhookInput({ eventType })).kind).toBe('unsupported');
    }
  });

  it('names the pushed branch for the branches filter', () => {
    const push = webhookInput({ resource: { refUpdates: [{ name: 'refs/heads/release' }] } });
    expect(azure.branchOf?.(push)).toBe('release');
  });
});
