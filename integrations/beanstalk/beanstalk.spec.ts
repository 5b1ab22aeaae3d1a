import { describeFixtures, webhookInput } from '../core/testing';
import { SHARED_FIXTURES } from './beanstalk.expectations';
import { beanstalkIntegration as beanstalk } from './beanstalk.handler';

describeFixtures('Beanstalk on the captured fixtures in ../shared', SHARED_FIXTURES);

describe('Beanstalk', () => {
  it('filters git pushes by branch, and never Subversion commits', () => {
    expect(beanstalk.branchOf?.(webhookInput({ branch: 'dev', commits: [] }))).toBe('dev');
    expect(beanstalk.branchOf?.(webhookInput({ revision: 3 }))).toBeNull();
  });
});
