import { deliverFixture, describeFixtures } from '../core/testing';
import { SHARED_FIXTURES } from './gocd.expectations';

describeFixtures('GoCD on the captured fixtures in ../shared', SHARED_FIXTURES);

describe('GoCD', () => {
  it('links the pipeline history when the URL names the GoCD server', () => {
    const { message } = deliverFixture(SHARED_FIXTURES, 'pipeline.json', {
      options: { server_url: 'https://ci.example.com/' },
    });
    expect(message?.body).toContain(
      'Details: pipeline [PipelineName](https://ci.example.com/go/tab/pipeline/history/PipelineName)',
    );
  });
});
