import { deliverFixture, describeFixtures, itAppliesEventFilters } from '../core/testing';
import { REVIEW_BODY, SHARED_FIXTURES } from './appfollow.expectations';

describeFixtures('AppFollow on the captured fixtures in ../shared', SHARED_FIXTURES);

describe('AppFollow', () => {
  itAppliesEventFilters(SHARED_FIXTURES, 'review.json');
});

describe('AppFollow with a topic in the URL', () => {
  it('keeps the whole text, app line included', () => {
    expect(deliverFixture(SHARED_FIXTURES, 'review.json', { options: { topic: 'foo' } })).toEqual({
      event: 'review',
      message: { topic: 'Acme - Group chat', body: REVIEW_BODY },
    });
  });
});
