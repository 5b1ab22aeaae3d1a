import { describeFixtures, itAppliesEventFilters } from '../core/testing';
import { SHARED_FIXTURES } from './flock.expectations';

describeFixtures('Flock on the captured fixtures in ../shared', SHARED_FIXTURES);

describe('Flock', () => {
  itAppliesEventFilters(SHARED_FIXTURES, 'messages.json');
});
