import { describeFixtures, itAppliesEventFilters } from '../core/testing';
import { SHARED_FIXTURES } from './hellosign.expectations';

describeFixtures('HelloSign on the captured fixtures in ../shared', SHARED_FIXTURES);

describe('HelloSign', () => {
  itAppliesEventFilters(SHARED_FIXTURES, 'signatures.json');
});
