import { describeFixtures, itAppliesEventFilters } from '../core/testing';
import { SHARED_FIXTURES } from './beeminder.expectations';

describeFixtures('Beeminder on the captured fixtures in ../shared', SHARED_FIXTURES);

describe('Beeminder', () => {
  itAppliesEventFilters(SHARED_FIXTURES, 'derail.json');
});
