import { describeFixtures } from '../core/testing';
import { SHARED_FIXTURES } from './gitea.expectations';
import { giteaIntegration as gitea } from './gitea.handler';

describeFixtures('Gitea on the captured fixtures in ../shared', SHARED_FIXTURES);

describe('Gitea', () => {
  it("reads Gitea's own headers", () => {
    expect(gitea.eventHeader).toBe('X-Gitea-Event');
    expect(gitea.deliveryIdHeader).toBe('X-Gitea-Delivery');
    expect(() =>
      gitea.verify?.('shh', { rawBody: Buffer.from('{}'), headers: {}, query: {} }),
    ).toThrow('Missing X-Gitea-Signature header');
  });
});
