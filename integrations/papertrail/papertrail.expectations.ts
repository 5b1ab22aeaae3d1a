import { FixtureCase, sharedSuite } from '../core/testing';
import { papertrailIntegration } from './papertrail.handler';

/**
 * What the gateway posts for each captured payload in ../shared/fixtures/webhooks/papertrail:
 * [fixture file, event name, message (null: recognised, nothing posted; or a refusal)].
 */
const SHARED_CASES: FixtureCase[] = [
  // 400: expected a list at "events"
  ['incorrect_post.json', 'search_alert', 'anomalous'],
  [
    'long_post.json',
    'search_alert',
    {
      topic: 'logs',
      body: '[Search for "Important stuff"](https://papertrailapp.com/searches/42) found **5** matches:\n\n2011-05-19 03:30:02 UTC - abc - cron OR server1:\n~~~ quote\nmessage body 1\n~~~\n\n2011-05-19 03:30:02 UTC - abc - cron OR server1:\n~~~ quote\nmessage body 2\n~~~\n\n2011-05-19 03:30:02 UTC - abc - cron OR server1:\n~~~ quote\nmessage body 3\n~~~\n\n2011-05-19 03:30:02 UTC - abc - cron OR server1:\n~~~ quote\nmessage body 4\n~~~\n\n[See more](https://papertrailapp.com/searches/42)',
    },
  ],
  [
    'short_post.json',
    'search_alert',
    {
      topic: 'logs',
      body: '[Search for "Important stuff"](https://papertrailapp.com/searches/42) found **2** matches:\n\n2011-05-19 03:30:02 UTC - abc - cron OR server1:\n~~~ quote\nmessage body\n~~~\n\n2011-05-19 03:30:02 UTC - server1 - cron OR server1:\n~~~ quote\nA short event\n~~~',
    },
  ],
];

export const SHARED_FIXTURES = sharedSuite(papertrailIntegration, SHARED_CASES, {
  wire: 'form-payload',
});
