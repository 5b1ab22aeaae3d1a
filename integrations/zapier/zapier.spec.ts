import { describeFixtures, itAppliesEventFilters } from '../core/testing';
import { SHARED_FIXTURES } from './zapier.expectations';

describeFixtures('Zapier on the captured fixtures in ../shared', SHARED_FIXTURES);

describe('Zapier', () => {
  itAppliesEventFilters(SHARED_FIXTURES, 'correct_subject_and_body.json');
});
