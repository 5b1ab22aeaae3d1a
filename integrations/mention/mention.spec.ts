import { describeFixtures, itAppliesEventFilters } from '../core/testing';
import { SHARED_FIXTURES } from './mention.expectations';

describeFixtures('Mention on the captured fixtures in ../shared', SHARED_FIXTURES);

describe('Mention', () => {
  itAppliesEventFilters(SHARED_FIXTURES, 'webfeeds.json');
});
