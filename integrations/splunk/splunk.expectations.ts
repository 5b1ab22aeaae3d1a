import { FixtureCase, sharedSuite } from '../core/testing';
import { splunkIntegration } from './splunk.handler';

/**
 * What the gateway posts for each captured payload in ../shared/fixtures/webhooks/splunk:
 * [fixture file, event name, message (null: recognised, nothing posted; or a refusal)].
 */
const SHARED_CASES: FixtureCase[] = [
  [
    'long_search_name.json',
    'search_alert',
    {
      topic: "this-search's-got-47-words-37-sentences-58-words-we-wanna...",
      body: "Splunk alert from saved search:\n* **Search**: [this-search's-got-47-words-37-sentences-58-words-we-wanna-know-details-of-the-search-time-of-the-search-and-any-other-kind-of-thing-you-gotta-say-pertaining-to-and-about-the-search-I-want-to-know-authenticated-user's-name-and-any-other-kind-of-thing-you-gotta-say](http://example.com:8000/app/search/search?q=%7Cloadjob%20rt_scheduler__admin__search__sudo_at_1483557185_2.2%20%7C%20head%201%20%7C%20tail%201&earliest=0&latest=now)\n* **Host**: myserver\n* **Source**: `/var/log/auth.log`\n* **Raw**: `Jan  4 11:14:32 myserver sudo: pam_unix(sudo:session): session closed for user root`",
    },
  ],
  [
    'missing_host.json',
    'search_alert',
    {
      topic: 'sudo',
      body: 'Splunk alert from saved search:\n* **Search**: [sudo](http://example.com:8000/app/search/search?q=%7Cloadjob%20rt_scheduler__admin__search__sudo_at_1483557185_2.2%20%7C%20head%201%20%7C%20tail%201&earliest=0&latest=now)\n* **Host**: Missing host\n* **Source**: `/var/log/auth.log`\n* **Raw**: `Jan  4 11:14:32 myserver sudo: pam_unix(sudo:session): session closed for user root`',
    },
  ],
  [
    'missing_raw.json',
    'search_alert',
    {
      topic: 'sudo',
      body: 'Splunk alert from saved search:\n* **Search**: [sudo](http://example.com:8000/app/search/search?q=%7Cloadjob%20rt_scheduler__admin__search__sudo_at_1483557185_2.2%20%7C%20head%201%20%7C%20tail%201&earliest=0&latest=now)\n* **Host**: myserver\n* **Source**: `/var/log/auth.log`\n* **Raw**: `Missing _raw`',
    },
  ],
  [
    'missing_results_link.json',
    'search_alert',
    {
      topic: 'sudo',
      body: 'Splunk alert from saved search:\n* **Search**: sudo (Missing results_link)\n* **Host**: myserver\n* **Source**: `/var/log/auth.log`\n* **Raw**: `Jan  4 11:14:32 myserver sudo: pam_unix(sudo:session): session closed for user root`',
    },
  ],
  [
    'missing_search_name.json',
    'search_alert',
    {
      topic: 'Missing search_name',
      body: 'Splunk alert from saved search:\n* **Search**: [Missing search_name](http://example.com:8000/app/search/search?q=%7Cloadjob%20rt_scheduler__admin__search__sudo_at_1483557185_2.2%20%7C%20head%201%20%7C%20tail%201&earliest=0&latest=now)\n* **Host**: myserver\n* **Source**: `/var/log/auth.log`\n* **Raw**: `Jan  4 11:14:32 myserver sudo: pam_unix(sudo:session): session closed for user root`',
    },
  ],
  [
    'missing_source.json',
    'search_alert',
    {
      topic: 'sudo',
      body: 'Splunk alert from saved search:\n* **Search**: [sudo](http://example.com:8000/app/search/search?q=%7Cloadjob%20rt_scheduler__admin__search__sudo_at_1483557185_2.2%20%7C%20head%201%20%7C%20tail%201&earliest=0&latest=now)\n* **Host**: myserver\n* **Source**: `Missing source`\n* **Raw**: `Jan  4 11:14:32 myserver sudo: pam_unix(sudo:session): session closed for user root`',
    },
  ],
  [
    'search_one_result.json',
    'search_alert',
    {
      topic: 'sudo',
      body: 'Splunk alert from saved search:\n* **Search**: [sudo](http://example.com:8000/app/search/search?q=%7Cloadjob%20rt_scheduler__admin__search__sudo_at_1483557185_2.2%20%7C%20head%201%20%7C%20tail%201&earliest=0&latest=now)\n* **Host**: myserver\n* **Source**: `/var/log/auth.log`\n* **Raw**: `Jan  4 11:14:32 myserver sudo: pam_unix(sudo:session): session closed for user root`',
    },
  ],
  [
    'short_search_name.json',
    'search_alert',
    {
      topic: "This search's name isn't that long",
      body: "Splunk alert from saved search:\n* **Search**: [This search's name isn't that long](http://example.com:8000/app/search/search?q=%7Cloadjob%20rt_scheduler__admin__search__sudo_at_1483557185_2.2%20%7C%20head%201%20%7C%20tail%201&earliest=0&latest=now)\n* **Host**: myserver\n* **Source**: `/var/log/auth.log`\n* **Raw**: `Jan  4 11:14:32 myserver sudo: pam_unix(sudo:session): session closed for user root`",
    },
  ],
];

export const SHARED_FIXTURES = sharedSuite(splunkIntegration, SHARED_CASES);
