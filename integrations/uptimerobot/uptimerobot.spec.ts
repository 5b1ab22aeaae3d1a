import { describeFixtures } from '../core/testing';
import { SHARED_FIXTURES } from './uptimerobot.expectations';

describeFixtures('UptimeRobot on the captured fixtures in ../shared', SHARED_FIXTURES);
