import { describeFixtures, webhookInput } from '../core/testing';
import { SHARED_FIXTURES } from './bitbucket.expectations';
import { bitbucketIntegration as bitbucket } from './bitbucket.handler';

describeFixtures('Bitbucket (legacy) on the captured fixtures in ../shared', SHARED_FIXTURES);

describe('Bitbucket (legacy)', () => {
  it('filters pushes by the branch of their last commit; force pushes name none', () => {
    const push = webhookInput({ commits: [{ branch: 'dev' }, { branch: 'main' }] });
    expect(bitbucket.branchOf?.(push)).toBe('main');
    expect(bitbucket.branchOf?.(webhookInput({ commits: [] }))).toBeNull();
  });
});
