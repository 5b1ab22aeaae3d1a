import { FixtureCase as Case, sharedSuite } from '../core/testing';
import { buildbotIntegration } from './buildbot.handler';

/**
 * What the gateway posts for each captured payload in ../shared/fixtures/webhooks/buildbot:
 * [fixture file, event name, message (null: recognised, nothing posted)].
 */
const SHARED_CASES: Case[] = [
  [
    'finished_cancelled.json',
    'finished',
    {
      topic: 'zulip/zulip-zapier',
      body: 'Build [#10434](https://ci.example.org/#builders/79/builds/307) (result: cancelled) for **AMD64 Ubuntu 18.04 Python 3** finished.',
    },
  ],
  [
    'finished_failure.json',
    'finished',
    {
      topic: 'general',
      body: 'Build [#34](http://exampleurl.com/#builders/1/builds/34) (result: failure) for **runtests** finished.',
    },
  ],
  [
    'finished_success.json',
    'finished',
    {
      topic: 'buildbot-hello',
      body: 'Build [#33](http://exampleurl.com/#builders/1/builds/33) (result: success) for **runtests** finished.',
    },
  ],
  [
    'started.json',
    'new',
    {
      topic: 'buildbot-hello',
      body: 'Build [#33](http://exampleurl.com/#builders/1/builds/33) for **runtests** started.',
    },
  ],
];

export const SHARED_FIXTURES = sharedSuite(buildbotIntegration, SHARED_CASES);
