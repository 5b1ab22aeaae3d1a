import { describeFixtures, itAppliesEventFilters } from '../core/testing';
import { SHARED_FIXTURES } from './sonarr.expectations';

describeFixtures('Sonarr on the captured fixtures in ../shared', SHARED_FIXTURES);

describe('Sonarr', () => {
  itAppliesEventFilters(SHARED_FIXTURES, 'sonarr_test.json');
});
