import { describeFixtures, itAppliesEventFilters } from '../core/testing';
import { SHARED_FIXTURES } from './librato.expectations';

describeFixtures('Librato on the captured fixtures in ../shared', SHARED_FIXTURES);

describe('Librato', () => {
  itAppliesEventFilters(SHARED_FIXTURES, 'alert.json');
});
