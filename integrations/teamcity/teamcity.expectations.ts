import { FixtureCase, sharedSuite } from '../core/testing';
import { teamcityIntegration } from './teamcity.handler';

/**
 * What the gateway posts for each captured payload in ../shared/fixtures/webhooks/teamcity:
 * [fixture file, event name, message (null: recognised, nothing posted)].
 */
const SHARED_CASES: FixtureCase[] = [
  [
    'broken.json',
    'failure',
    {
      topic: 'Project :: Compile',
      body: 'Project :: Compile build 5535 - CL 123456 is broken with status Exit code 1 (new)! :thumbs_down:\nDetails: [changes](http://teamcity/viewLog.html?buildTypeId=Project_Compile&buildId=19952&tab=buildChangesDiv), [build log](http://teamcity/viewLog.html?buildTypeId=Project_Compile&buildId=19952)',
    },
  ],
  [
    'failure.json',
    'failure',
    {
      topic: 'Project :: Compile',
      body: 'Project :: Compile build 5535 - CL 123456 is still broken with status Exit code 1! :thumbs_down:\nDetails: [changes](http://teamcity/viewLog.html?buildTypeId=Project_Compile&buildId=19952&tab=buildChangesDiv), [build log](http://teamcity/viewLog.html?buildTypeId=Project_Compile&buildId=19952)',
    },
  ],
  [
    'fixed.json',
    'success',
    {
      topic: 'Project :: Compile',
      body: 'Project :: Compile build 5535 - CL 123456 has been fixed! :thumbs_up:\nDetails: [changes](http://teamcity/viewLog.html?buildTypeId=Project_Compile&buildId=19952&tab=buildChangesDiv), [build log](http://teamcity/viewLog.html?buildTypeId=Project_Compile&buildId=19952)',
    },
  ],
  ['personal.json', 'personal_build', null /* ignored */],
  ['slack_non_generic_payload.json', 'non_json_payload_format', null /* ignored */],
  [
    'success.json',
    'success',
    {
      topic: 'Project :: Compile',
      body: 'Project :: Compile build 5535 - CL 123456 was successful! :thumbs_up:\nDetails: [changes](http://teamcity/viewLog.html?buildTypeId=Project_Compile&buildId=19952&tab=buildChangesDiv), [build log](http://teamcity/viewLog.html?buildTypeId=Project_Compile&buildId=19952)',
    },
  ],
  [
    'success_branch.json',
    'success',
    {
      topic: 'Project :: Compile (MyBranch)',
      body: 'Project :: Compile build 5535 - CL 123456 was successful! :thumbs_up:\nDetails: [changes](http://teamcity/viewLog.html?buildTypeId=Project_Compile&buildId=19952&tab=buildChangesDiv), [build log](http://teamcity/viewLog.html?buildTypeId=Project_Compile&buildId=19952)',
    },
  ],
];

export const SHARED_FIXTURES = sharedSuite(teamcityIntegration, SHARED_CASES);
