import { describeFixtures, itAppliesEventFilters } from '../core/testing';
import { SHARED_FIXTURES } from './ifttt.expectations';

describeFixtures('IFTTT on the captured fixtures in ../shared', SHARED_FIXTURES);

describe('IFTTT', () => {
  itAppliesEventFilters(SHARED_FIXTURES, 'correct_subject_and_body.json');
});
