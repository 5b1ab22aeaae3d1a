import { dispatchWebhook } from '../core/dispatch';
import { deliverFixture, describeFixtures, webhookInput } from '../core/testing';
import { SHARED_FIXTURES } from './bitbucket2.expectations';
import { bitbucket2Integration as bitbucket2 } from './bitbucket2.handler';

describeFixtures('Bitbucket Cloud on the captured fixtures in ../shared', SHARED_FIXTURES);

describe('Bitbucket Cloud', () => {
  const asKey = (file: string, key: string) =>
    deliverFixture(SHARED_FIXTURES, file, { headers: { 'X-Event-Key': key } });

  it('names each pull request action after its X-Event-Key', () => {
    expect(asKey('pull_request_approved_or_unapproved.json', 'pullrequest:unapproved')).toEqual({
      event: 'pull_request_unapproved',
      message: {
        topic: 'Repository name / PR #1 new commit',
        body: 'Tomasz unapproved [PR #1](https://bitbucket.org/kolaszek/repository-name/pull-requests/1).',
      },
    });
    expect(
      asKey('pull_request_fulfilled_or_rejected.json', 'pullrequest:rejected').message?.body,
    ).toBe(
      'Tomasz rejected [PR #1](https://bitbucket.org/kolaszek/repository-name/pull-requests/1).',
    );
    expect(
      asKey('pull_request_comment_action.json', 'pullrequest:comment_updated').message?.body,
    ).toMatch(/^Tomasz updated a \[comment\]\(.*\) on \[PR #1\]/);
  });

  it('names the PR title in the body when the URL fixes the topic', () => {
    const { message } = deliverFixture(SHARED_FIXTURES, 'pull_request_created_or_updated.json', {
      headers: { 'X-Event-Key': 'pullrequest:created' },
      options: { topic: 'reviews' },
    });
    expect(message?.body).toMatch(/^Tomasz created \[PR #1 new commit\]/);
  });

  it('reports other events as unsupported', () => {
    const input = webhookInput({}, {}, { 'X-Event-Key': 'repo:transfer' });
    expect(dispatchWebhook(bitbucket2, input)).toEqual({
      kind: 'unsupported',
      event: 'repo:transfer',
    });
  });
});
