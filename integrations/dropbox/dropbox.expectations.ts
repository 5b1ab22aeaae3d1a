import { FixtureCase, sharedSuite } from '../core/testing';
import { dropboxIntegration } from './dropbox.handler';

/** What each captured payload in ../shared/fixtures/webhooks/dropbox posts. */
const SHARED_CASES: FixtureCase[] = [
  [
    'file_updated.json',
    'file_changed',
    {
      topic: 'Dropbox',
      body: 'File has been updated on Dropbox!',
    },
  ],
];

export const SHARED_FIXTURES = sharedSuite(dropboxIntegration, SHARED_CASES);
