import { FixtureCase, sharedSuite } from '../core/testing';
import { solanoIntegration } from './solano.handler';

/**
 * What the gateway posts for each captured payload in ../shared/fixtures/webhooks/solano:
 * [fixture file, event name, message (null: recognised, nothing posted)].
 * Solano posts JSON labelled as a form.
 */
const SHARED_CASES: FixtureCase[] = [
  [
    'build_001.json',
    'build',
    {
      topic: 'build update',
      body: 'Build update (see [build log](https://ci.solanolabs.com:443/reports/3316175)):\n* **Author**: solano-ci[bot]@users.noreply.github.com\n* **Commit**: [5f43840](https://github.com/fazerlicourice7/solano/commit/5f438401eb7cc7268cbc28438bfa70bb99f48a03)\n* **Status**: failed :thumbs_down:',
    },
  ],
  [
    'build_002.json',
    'build',
    {
      topic: 'build update',
      body: 'Build update (see [build log](https://ci.solanolabs.com:443/reports/3316723)):\n* **Author**: random.user@email.com\n* **Commit**: [5d0b92e](https://bitbucket.org/fazerlicourice7/test/commits/5d0b92e26448a9e91db794bfed4b8c3556eabc4e)\n* **Status**: failed :thumbs_down:',
    },
  ],
  [
    'received.json',
    'build',
    {
      topic: 'build update',
      body: 'Build update (see [build log](https://ci.solanolabs.com:443/reports/3317799)):\n* **Author**: solano-ci[bot]@users.noreply.github.com\n* **Commit**: [191d34f](https://github.com/anirudhjain75/scipy/commit/191d34f9da8ff7279b051cd68e44223253e18408)\n* **Status**: running :arrows_counterclockwise:',
    },
  ],
  ['test.json', 'test', { topic: 'build update', body: 'Solano webhook set up correctly.' }],
];

export const SHARED_FIXTURES = sharedSuite(solanoIntegration, SHARED_CASES, {
  wire: 'json-as-form',
});
