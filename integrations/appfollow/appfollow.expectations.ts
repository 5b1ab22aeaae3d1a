import { FixtureCase, sharedSuite } from '../core/testing';
import { appfollowIntegration } from './appfollow.handler';

export const REVIEW_BODY = `Acme - Group chat
App Store, Acme Technologies, Inc.
★★★★★ United States
**Great for Information Management**
Acme enables me to manage the flow of information quite well. I only wish I could create and edit my Acme Post files in the iOS app.
*by* **Mr RESOLUTIONARY** *for v3.9*
[Permalink](http://appfollow.io/permalink) · [Add tag](http://watch.appfollow.io/add_tag)`;

/** What each captured payload in ../shared/fixtures/webhooks/appfollow posts (Zulip's texts). */
const SHARED_CASES: FixtureCase[] = [
  ['review.json', 'review', { topic: 'Acme - Group chat', body: REVIEW_BODY }],
  [
    'sample.json',
    'review',
    {
      topic: 'Webhook integration was successful.',
      body: 'Webhook integration was successful.\nTest User / Acme (Google Play)',
    },
  ],
];

export const SHARED_FIXTURES = sharedSuite(appfollowIntegration, SHARED_CASES);
