import { createHmac } from 'node:crypto';
import { dispatchWebhook } from '../core/dispatch';
import { deliverFixture, describeFixtures, webhookInput } from '../core/testing';
import { SHARED_FIXTURES } from './gogs.expectations';
import { gogsIntegration as gogs } from './gogs.handler';

describeFixtures('Gogs on the captured fixtures in ../shared', SHARED_FIXTURES);

describe('Gogs', () => {
  it('names the PR in the body when the URL fixes the topic', () => {
    expect(
      deliverFixture(SHARED_FIXTURES, 'pull_request__opened.json', {
        options: { topic: 'reviews' },
      }).message?.body,
    ).toBe(
      'john opened [PR #1 Title Text for Pull Request](http://localhost:3000/john/try-git/pulls/1) from `feature` to `master`.',
    );
  });

  it('announces a created tag in the repository topic', () => {
    const tag = webhookInput(
      { ref: 'v2.0', ref_type: 'tag', repository: { name: 'hub' }, sender: { username: 'ann' } },
      {},
      { 'X-Gogs-Event': 'create' },
    );
    expect(dispatchWebhook(gogs, tag)).toEqual({
      kind: 'message',
      event: 'create',
      message: { topic: 'hub', body: 'ann created tag v2.0.' },
    });
  });

  it('tells the branches filter which branch a push or a new branch concerns', () => {
    const push = webhookInput({ ref: 'refs/heads/dev' }, {}, { 'X-Gogs-Event': 'push' });
    const branch = webhookInput(
      { ref: 'feature', ref_type: 'branch' },
      {},
      { 'X-Gogs-Event': 'create' },
    );
    const issue = webhookInput({}, {}, { 'X-Gogs-Event': 'issues' });
    expect([push, branch, issue].map((input) => gogs.branchOf?.(input))).toEqual([
      'dev',
      'feature',
      null,
    ]);
  });

  it('reports other events as unsupported', () => {
    const fork = webhookInput({}, {}, { 'X-Gogs-Event': 'fork' });
    expect(dispatchWebhook(gogs, fork)).toEqual({ kind: 'unsupported', event: 'fork' });
  });

  it("checks X-Gogs-Signature, Gogs' HMAC-SHA256 of the body", () => {
    const rawBody = Buffer.from('{"ref":"refs/heads/main"}');
    const signature = createHmac('sha256', 'shh').update(rawBody).digest('hex');
    const check = (headers: Record<string, string>) => () =>
      gogs.verify?.('shh', { rawBody, headers, query: {} });
    expect(check({ 'x-gogs-signature': signature })).not.toThrow();
    expect(check({ 'x-gogs-signature': '0'.repeat(64) })).toThrow();
    expect(check({})).toThrow('Missing X-Gogs-Signature header');
  });
});
