import { describeFixtures } from '../core/testing';
import { SHARED_FIXTURES } from './errbit.expectations';

describeFixtures('Errbit on the captured fixtures in ../shared', SHARED_FIXTURES);
