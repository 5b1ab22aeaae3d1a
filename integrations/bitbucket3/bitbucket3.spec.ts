import { dispatchWebhook } from '../core/dispatch';
import { deliverFixture, describeFixtures, webhookInput } from '../core/testing';
import { SHARED_FIXTURES } from './bitbucket3.expectations';
import { bitbucket3Integration as bitbucket3 } from './bitbucket3.handler';

describeFixtures('Bitbucket Server on the captured fixtures in ../shared', SHARED_FIXTURES);

describe('Bitbucket Server', () => {
  it('names the PR title in the body when the URL fixes the topic', () => {
    const { message } = deliverFixture(SHARED_FIXTURES, 'pull_request_add_reviewer.json', {
      headers: { 'X-Event-Key': 'pr:reviewer:updated' },
      options: { topic: 'reviews' },
    });
    expect(message?.body).toBe(
      '[hypro999](http://139.59.64.214:7990/users/hypro999) reassigned [PR #1 Branch1](http://139.59.64.214:7990/projects/SBOX/repos/sandbox/pull-requests/1) to [shimura](http://139.59.64.214:7990/users/shimura).',
    );
  });

  it('filters ref changes by their branch, not tags', () => {
    const change = (type: string) =>
      webhookInput(
        { changes: [{ ref: { type, displayId: 'main' } }] },
        {},
        {
          'X-Event-Key': 'repo:refs_changed',
        },
      );
    expect(bitbucket3.branchOf?.(change('BRANCH'))).toBe('main');
    expect(bitbucket3.branchOf?.(change('TAG'))).toBeNull();
  });

  it('reports other events as unsupported', () => {
    const input = webhookInput({}, {}, { 'X-Event-Key': 'mirror:repo_synchronized' });
    expect(dispatchWebhook(bitbucket3, input).kind).toBe('unsupported');
  });
});
