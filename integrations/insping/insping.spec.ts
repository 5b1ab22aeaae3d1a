import { describeFixtures } from '../core/testing';
import { SHARED_FIXTURES } from './insping.expectations';

describeFixtures('Insping on the captured fixtures in ../shared', SHARED_FIXTURES);
