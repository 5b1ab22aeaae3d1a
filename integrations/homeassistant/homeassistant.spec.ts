import { describeFixtures, itAppliesEventFilters } from '../core/testing';
import { SHARED_FIXTURES } from './homeassistant.expectations';

describeFixtures('Home Assistant on the captured fixtures in ../shared', SHARED_FIXTURES);

describe('Home Assistant', () => {
  itAppliesEventFilters(SHARED_FIXTURES, 'reqwithtitle.json');
});
