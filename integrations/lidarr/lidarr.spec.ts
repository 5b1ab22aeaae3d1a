import { describeFixtures, itAppliesEventFilters } from '../core/testing';
import { SHARED_FIXTURES } from './lidarr.expectations';

describeFixtures('Lidarr on the captured fixtures in ../shared', SHARED_FIXTURES);

describe('Lidarr', () => {
  itAppliesEventFilters(SHARED_FIXTURES, 'lidarr_test.json');
});
