import { describeFixtures } from '../core/testing';
import { SHARED_FIXTURES } from './freshstatus.expectations';

describeFixtures('Freshstatus on the captured fixtures in ../shared', SHARED_FIXTURES);
