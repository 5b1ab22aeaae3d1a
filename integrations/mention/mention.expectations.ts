import { FixtureCase, sharedSuite } from '../core/testing';
import { mentionIntegration } from './mention.handler';

/** What each captured payload in ../shared/fixtures/webhooks/mention posts. */
const SHARED_CASES: FixtureCase[] = [
  [
    'webfeeds.json',
    'mention',
    {
      topic: 'news',
      body: '**[Historical Sexual Abuse (Football): 29 Nov 2016: House of Commons debates - TheyWorkForYou](https://www.theyworkforyou.com/debates/?id=2016-11-29b.1398.7&p=24887)**:\n\n~~~ quote\n… Culture, Media and Sport\nNothing is more important than keeping children safe. Child sex abuse is an exceptionally vile crime, and all of Government take it very seriously indeed, as I know this House does.\nChildren up and down the country are …\n~~~',
    },
  ],
];

export const SHARED_FIXTURES = sharedSuite(mentionIntegration, SHARED_CASES);
