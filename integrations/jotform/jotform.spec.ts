import { describeFixtures, itAppliesEventFilters } from '../core/testing';
import { SHARED_FIXTURES } from './jotform.expectations';

describeFixtures('Jotform on the captured fixtures in ../shared', SHARED_FIXTURES);

describe('Jotform', () => {
  itAppliesEventFilters(SHARED_FIXTURES, 'response.json');
});
