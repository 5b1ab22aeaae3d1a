import { describeFixtures } from '../core/testing';
import { SHARED_FIXTURES } from './splunk.expectations';

describeFixtures('Splunk on the captured fixtures in ../shared', SHARED_FIXTURES);
