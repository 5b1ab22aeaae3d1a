import { describeFixtures } from '../core/testing';
import { SHARED_FIXTURES } from './airbrake.expectations';

describeFixtures('Airbrake on the captured fixtures in ../shared', SHARED_FIXTURES);
