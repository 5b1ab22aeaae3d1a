import { describeFixtures } from '../core/testing';
import { SHARED_FIXTURES } from './papertrail.expectations';

describeFixtures('Papertrail on the captured fixtures in ../shared', SHARED_FIXTURES);
