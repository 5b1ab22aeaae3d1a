import { deliverWith, describeFixtures, webhookInput } from '../core/testing';
import { SHARED_FIXTURES } from './solano.expectations';
import { solanoIntegration as solano } from './solano.handler';

describeFixtures('Solano Labs on the captured fixtures in ../shared', SHARED_FIXTURES);

describe('Solano Labs', () => {
  it('posts a build from an unknown host without a commit link, and without committers as Unknown', () => {
    const input = webhookInput({
      event: 'stop',
      url: 'https://ci.example.org/reports/1',
      commit_id: 'abcdef0123456789',
      status: 'passed',
      repository: { url: 'not a repository address' },
    });
    expect(deliverWith(solano)(input)).toEqual({
      event: 'build',
      message: {
        topic: 'build update',
        body: 'Build update (see [build log](https://ci.example.org/reports/1)):\n* **Author**: Unknown\n* **Commit**: abcdef0\n* **Status**: passed :thumbs_up:',
      },
    });
  });
});
