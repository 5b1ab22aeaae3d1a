import { describeFixtures } from '../core/testing';
import { SHARED_FIXTURES } from './crashlytics.expectations';

describeFixtures('Crashlytics on the captured fixtures in ../shared', SHARED_FIXTURES);
