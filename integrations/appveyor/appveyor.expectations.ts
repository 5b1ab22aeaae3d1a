import { FixtureCase, sharedSuite } from '../core/testing';
import { appveyorIntegration } from './appveyor.handler';

/**
 * What the gateway posts for each captured payload in ../shared/fixtures/webhooks/appveyor:
 * [fixture file, event name, message (null: recognised, nothing posted)].
 */
const SHARED_CASES: FixtureCase[] = [
  [
    'appveyor_build_failure.json',
    'build_failure',
    {
      topic: 'Hubot-DSC-Resource',
      body: '[Build Hubot-DSC-Resource 2.0.59 failed](https://ci.appveyor.com/project/joebloggs/hubot-dsc-resource/build/2.0.59):\n* **Commit**: [c06e208b47: Increment version number.](https://github.com/joebloggs/Hubot-DSC-Resource/commit/c06e208b47) by Joe Bloggs\n* **Started**: 9/9/2018 7:04 PM\n* **Finished**: 9/9/2018 7:06 PM',
    },
  ],
  [
    'appveyor_build_success.json',
    'build_success',
    {
      topic: 'Hubot-DSC-Resource',
      body: '[Build Hubot-DSC-Resource 2.0.59 completed](https://ci.appveyor.com/project/joebloggs/hubot-dsc-resource/build/2.0.59):\n* **Commit**: [c06e208b47: Increment version number.](https://github.com/joebloggs/Hubot-DSC-Resource/commit/c06e208b47) by Joe Bloggs\n* **Started**: 9/9/2018 7:04 PM\n* **Finished**: 9/9/2018 7:06 PM',
    },
  ],
];

export const SHARED_FIXTURES = sharedSuite(appveyorIntegration, SHARED_CASES);
