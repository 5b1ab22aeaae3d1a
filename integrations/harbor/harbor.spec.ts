import { dispatchWebhook } from '../core/dispatch';
import { describeFixtures, webhookInput } from '../core/testing';
import { SHARED_FIXTURES } from './harbor.expectations';
import { harborIntegration as harbor } from './harbor.handler';

describeFixtures('Harbor on the captured fixtures in ../shared', SHARED_FIXTURES);

describe('Harbor', () => {
  it('announces a failed scan', () => {
    const input = webhookInput({
      type: 'SCANNING_FAILED',
      event_data: {
        resources: [{ tag: 'v1', digest: 'sha256:00' }],
        repository: { repo_full_name: 'team/app' },
      },
    });
    expect(dispatchWebhook(harbor, input)).toMatchObject({
      kind: 'message',
      message: { topic: 'team/app', body: 'Image scan failed for `team/app:v1`.' },
    });
  });

  it("checks the webhook's auth header against the secret", () => {
    const check = (authorization?: string) => () =>
      harbor.verify?.('s3cret', {
        rawBody: Buffer.from('{}'),
        headers: authorization ? { authorization } : {},
        query: {},
      });
    expect(check('s3cret')).not.toThrow();
    expect(check('guess')).toThrow();
    expect(check()).toThrow('Missing Authorization header');
  });
});
