import { describeFixtures, itAppliesEventFilters } from '../core/testing';
import { SHARED_FIXTURES } from './helloworld.expectations';

describeFixtures('Hello World on the captured fixtures in ../shared', SHARED_FIXTURES);

describe('Hello World', () => {
  itAppliesEventFilters(SHARED_FIXTURES, 'goodbye.json');
});
