import { describeFixtures, itAppliesEventFilters } from '../core/testing';
import { SHARED_FIXTURES } from './radarr.expectations';

describeFixtures('Radarr on the captured fixtures in ../shared', SHARED_FIXTURES);

describe('Radarr', () => {
  itAppliesEventFilters(SHARED_FIXTURES, 'radarr_test.json');
});
