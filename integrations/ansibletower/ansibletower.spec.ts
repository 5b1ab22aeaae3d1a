import { dispatchWebhook } from '../core/dispatch';
import { describeFixtures, webhookInput } from '../core/testing';
import { SHARED_FIXTURES } from './ansibletower.expectations';
import { ansibletowerIntegration as tower } from './ansibletower.handler';

describeFixtures('Ansible Tower on the captured fixtures in ../shared', SHARED_FIXTURES);

describe('Ansible Tower', () => {
  it('names a workflow job, and reports a job kind it does not know as unsupported', () => {
    const job = (url: string) =>
      webhookInput({ id: 7, name: 'Release', status: 'successful', url });
    expect(dispatchWebhook(tower, job('https://awx/#/jobs/workflow/7'))).toEqual({
      kind: 'message',
      event: 'workflow_job',
      message: {
        topic: 'Release',
        body: 'Workflow Job: [#7 Release](https://awx/#/jobs/workflow/7) was successful.',
      },
    });
    expect(dispatchWebhook(tower, job('https://awx/#/jobs/other/7')).kind).toBe('unsupported');
  });
});
