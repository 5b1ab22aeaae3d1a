import { FixtureCase, headerFromFileName, sharedSuite } from '../core/testing';
import { netlifyIntegration } from './netlify.handler';

/**
 * What the gateway posts for each captured payload in ../shared/fixtures/webhooks/netlify:
 * [fixture file, event name, message (null: recognised, nothing posted)].
 */
const SHARED_CASES: FixtureCase[] = [
  [
    'deploy_building.json',
    'deploy_building',
    {
      topic: 'master',
      body: 'The build [objective-jepsen-35fbb2](http://objective-jepsen-35fbb2.netlify.com) on branch master is now building.',
    },
  ],
  [
    'deploy_created.json',
    'deploy_created',
    {
      topic: 'master',
      body: 'The build [objective-jepsen-35fbb2](http://objective-jepsen-35fbb2.netlify.com) on branch master is now ready.',
    },
  ],
  [
    'deploy_failed.json',
    'deploy_failed',
    {
      topic: 'master',
      body: "The build [objective-jepsen-35fbb2](http://objective-jepsen-35fbb2.netlify.com) on branch master failed during stage 'building site': Build script returned non-zero exit code: 127 ([deploy log](https://app.netlify.com/sites/objective-jepsen-35fbb2))",
    },
  ],
  [
    'deploy_locked.json',
    'deploy_locked',
    {
      topic: 'master',
      body: 'The build [objective-jepsen-35fbb2](http://objective-jepsen-35fbb2.netlify.com) on branch master is now locked.',
    },
  ],
  [
    'deploy_unlocked.json',
    'deploy_unlocked',
    {
      topic: 'master',
      body: 'The build [objective-jepsen-35fbb2](http://objective-jepsen-35fbb2.netlify.com) on branch master is now unlocked.',
    },
  ],
];

export const SHARED_FIXTURES = sharedSuite(netlifyIntegration, SHARED_CASES, {
  headers: headerFromFileName('X-Netlify-Event'),
});
