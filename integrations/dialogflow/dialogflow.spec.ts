import { describeFixtures, itAppliesEventFilters } from '../core/testing';
import { SHARED_FIXTURES } from './dialogflow.expectations';

describeFixtures('Dialogflow on the captured fixtures in ../shared', SHARED_FIXTURES);

describe('Dialogflow', () => {
  itAppliesEventFilters(SHARED_FIXTURES, 'alternate_result.json');
});
