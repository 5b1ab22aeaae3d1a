import { deliverWith, describeFixtures, webhookInput } from '../core/testing';
import { SHARED_FIXTURES } from './heroku.expectations';
import { herokuIntegration as heroku } from './heroku.handler';

describeFixtures('Heroku on the captured fixtures in ../shared', SHARED_FIXTURES);

describe('Heroku', () => {
  it('ends the line when the deploy carries no git log', () => {
    const input = webhookInput({ app: 'web', user: 'ann@example.com', head: 'abc1234' });
    expect(deliverWith(heroku)(input).message).toEqual({
      topic: 'web',
      body: 'ann@example.com deployed version abc1234 of web.',
    });
  });
});
