import { describeFixtures } from '../core/testing';
import { SHARED_FIXTURES } from './opbeat.expectations';

describeFixtures('Opbeat on the captured fixtures in ../shared', SHARED_FIXTURES);
