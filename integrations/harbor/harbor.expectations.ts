import { FixtureCase, sharedSuite } from '../core/testing';
import { harborIntegration } from './harbor.handler';

/**
 * What the gateway posts for each captured payload in ../shared/fixtures/webhooks/harbor:
 * [fixture file, event name, message (null: recognised, nothing posted)].
 */
const SHARED_CASES: FixtureCase[] = [
  ['delete_image.json', 'DELETE_ARTIFACT', null /* ignored */],
  [
    'push_image.json',
    'PUSH_ARTIFACT',
    { topic: 'example/test', body: '**admin** pushed image `example/test:latest`' },
  ],
  [
    'scanning_completed.json',
    'SCANNING_COMPLETED',
    {
      topic: 'test/alpine/helm',
      body: 'Image scan completed for `test/alpine/helm:3.8.1`. Vulnerabilities by severity:\n\n* High: **4**\n* Unknown: **1**',
    },
  ],
  [
    'scanning_completed_no_vulnerability.json',
    'SCANNING_COMPLETED',
    {
      topic: 'test123/test-image',
      body: 'Image scan completed for `test123/test-image:latest`. No vulnerabilities found.',
    },
  ],
];

export const SHARED_FIXTURES = sharedSuite(harborIntegration, SHARED_CASES);
