import { describeFixtures } from '../core/testing';
import { SHARED_FIXTURES } from './canarytoken.expectations';

describeFixtures('Canarytokens on the captured fixtures in ../shared', SHARED_FIXTURES);
