import { FixtureCase, sharedSuite } from '../core/testing';
import { sentryIntegration } from './sentry.handler';

/**
 * What the gateway posts for each captured payload in ../shared/fixtures/webhooks/sentry:
 * [fixture file, event name, message (null: recognised, nothing posted; or a refusal)].
 */
const SHARED_CASES: FixtureCase[] = [
  [
    'deprecated_exception_message.json',
    'legacy_issue',
    {
      topic: 'zulip',
      body: 'New [issue](https://sentry.io/zulip/zulip/issues/156699934/) (level: ERROR):\n\n~~~ quote\nThis is an example python exception\n~~~',
    },
  ],
  [
    'event_for_exception_golang.json',
    'event_exception',
    {
      topic: '*url.Error: Get "bad_url": unsupported protocol scheme ""',
      body: '**New exception:** [*url.Error: Get "bad_url": unsupported protocol scheme ""](https://sentry.io/organizations/hypro999-personal-organization/issues/1637164584/events/80777a9cc30e4d0eb8904333d5c298b0/)\n```quote\n**level:** error\n**timestamp:** 2020-04-29 11:23:45\n**filename:** trigger-exception.go\n```\n\nTraceback:\n```go\n         // Set the timeout to the maximum duration the program can afford to wait.\n         defer sentry.Flush(2 * time.Second)\n\n         resp, err := http.Get(os.Args[1])\n         if err != nil {\n--->         sentry.CaptureException(err)\n             log.Printf("reported to Sentry: %s", err)\n             return\n         }\n         defer resp.Body.Close()\n```',
    },
  ],
  [
    'event_for_exception_js.json',
    'event_exception',
    {
      topic: 'Error: Something external broke.',
      body: '**New exception:** [Error: Something external broke.](https://sentry.io/organizations/hypro999-personal-organization/issues/1731239773/events/355c3b2a142046629dd410db2fdda003/)\n```quote\n**level:** error\n**timestamp:** 2020-06-17 14:42:54\n**filename:** /mnt/data/Documents/Stuff%20for%20Zulip/Repos/sentry/js/external.js\n```',
    },
  ],
  [
    'event_for_exception_node.json',
    'event_exception',
    {
      topic: 'Error: Sample error from node.',
      body: "**New exception:** [Error: Sample error from node.](https://sentry.io/organizations/hypro999-personal-organization/issues/1638852747/events/f9cb0f2afff74a5aa92e766fb7ac3fe3/)\n```quote\n**level:** error\n**timestamp:** 2020-04-30 06:19:33\n**filename:** /home/hemanth/Desktop/sentry/trigger-exception.js\n```\n\nTraceback:\n```javascript\n       dsn: 'https://redacted.ingest.sentry.io/5216640',\n     });\n\n     Sentry.withScope(function(scope) {\n       scope.addEventProcessor(function(event, hint) {\n         return event;\n       });\n--->   Sentry.captureException(new Error('Sample error from node.'));\n     });\n```",
    },
  ],
  [
    'event_for_exception_python.json',
    'event_exception',
    {
      topic: 'Exception: Custom exception!',
      body: '**New exception:** [Exception: Custom exception!](https://sentry.io/organizations/hypro999-personal-organization/issues/1635244907/events/599349254a1447a99774b5310711c1a8/)\n```quote\n**level:** error\n**timestamp:** 2020-04-28 13:56:05\n**filename:** trigger-exception.py\n```\n\nTraceback:\n```python3\n\n     if __name__ == "__main__":\n         sentry_sdk.init(dsn=SECRET_DSN)\n         try:\n--->         raise Exception("Custom exception!")\n         except Exception as e:\n             sentry_sdk.capture_exception(e)\n```',
    },
  ],
  [
    'event_for_message_golang.json',
    'event_message',
    {
      topic: 'A test message event from golang.',
      body: '**New message event:** [A test message event from golang.](https://sentry.io/organizations/hypro999-personal-organization/issues/1638844654/events/01ecb45633bc4f5ca940ada671124c8f/)\n```quote\n**level:** info\n**timestamp:** 2020-04-30 06:14:13\n```',
    },
  ],
  [
    'event_for_message_node.json',
    'event_message',
    {
      topic: 'Test event from node.',
      body: '**New message event:** [Test event from node.](https://sentry.io/organizations/hypro999-personal-organization/issues/1638840427/events/6886bb1fe7ce4497b7836f6083d5fd34/)\n```quote\n**level:** info\n**timestamp:** 2020-04-30 06:09:56\n```',
    },
  ],
  [
    'event_for_message_python.json',
    'event_message',
    {
      topic: 'A simple message-based issue.',
      body: '**New message event:** [A simple message-based issue.](https://sentry.io/organizations/hypro999-personal-organization/issues/1635261062/events/8da63b42375e4d3b803c377fefb062f8/)\n```quote\n**level:** info\n**timestamp:** 2020-04-28 14:05:04\n```',
    },
  ],
  [
    'issue_assigned_to_individual.json',
    'issue_assigned',
    {
      topic: 'A test message event from golang.',
      body: 'Issue **A test message event from golang.** has now been assigned to **Hemanth V. Alluri** by **Hemanth V. Alluri**.',
    },
  ],
  [
    'issue_assigned_to_team.json',
    'issue_assigned',
    {
      topic: 'Exception: program has entered an invalid state.',
      body: 'Issue **Exception: program has entered an invalid state.** has now been assigned to **team lone-wolf** by **Hemanth V. Alluri**.',
    },
  ],
  [
    'issue_created_for_exception.json',
    'issue_created',
    {
      topic: 'Exception: Custom exception!',
      body: '**New issue created:** Exception: Custom exception!\n```quote\n**level:** error\n**timestamp:** 2020-04-28 13:56:05\n**assignee:** No one\n```',
    },
  ],
  [
    'issue_created_for_message.json',
    'issue_created',
    {
      topic: 'A simple message-based issue.',
      body: '**New issue created:** A simple message-based issue.\n```quote\n**level:** info\n**timestamp:** 2020-04-28 14:05:04\n**assignee:** No one\n```',
    },
  ],
  [
    'issue_ignored.json',
    'issue_ignored',
    {
      topic: 'Exception: program has entered an invalid state.',
      body: 'Issue **Exception: program has entered an invalid state.** was ignored by **Hemanth V. Alluri**.',
    },
  ],
  [
    'issue_resolved.json',
    'issue_resolved',
    {
      topic: 'Exception: program has entered an invalid state.',
      body: 'Issue **Exception: program has entered an invalid state.** was marked as resolved by **Hemanth V. Alluri**.',
    },
  ],
  [
    'webhook_event_for_exception_javascript.json',
    'event_exception',
    {
      topic: 'TypeError: can\'t access property "bar", x.foo is undefined',
      body: '**New exception:** [TypeError: can\'t access property "bar", x.foo is undefined](https://sentry.io/organizations/foo-bar-org/issues/1982047746/events/f3bf5fc4e354451db9e885a69b2a2b51/)\n```quote\n**level:** error\n**timestamp:** 2020-10-26 16:39:54\n```',
    },
  ],
  [
    'webhook_event_for_exception_python.json',
    'event_exception',
    {
      topic: 'ValueError: new sentry error.',
      body: '**New exception:** [ValueError: new sentry error.](https://sentry.io/organizations/bar-foundation/issues/1972208801/events/c916dccfd58e41dcabaebef0091f0736/)\n```quote\n**level:** error\n**timestamp:** 2020-10-21 23:25:11\n**filename:** trigger-exception.py\n```\n\nTraceback:\n```python3\n\n     if __name__ == "__main__":\n         sentry_sdk.init(dsn=DSN_SECRET)\n         try:\n--->         raise ValueError("new sentry error.")\n         except Exception as e:\n             sentry_sdk.capture_exception(e)\n```',
    },
  ],
];

export const SHARED_FIXTURES = sharedSuite(sentryIntegration, SHARED_CASES);
