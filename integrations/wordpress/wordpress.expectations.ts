import { ANOMALOUS, FixtureCase, sharedSuite } from '../core/testing';
import { wordpressIntegration } from './wordpress.handler';

/** What each captured payload in ../shared/fixtures/webhooks/wordpress posts. */
const SHARED_CASES: FixtureCase[] = [
  [
    'publish_page.txt',
    'publish_page',
    {
      topic: 'WordPress Page',
      body: 'New page published:\n* [New Blog Page](http://example.com)',
    },
  ],
  [
    'publish_post.txt',
    'publish_post',
    {
      topic: 'WordPress Post',
      body: 'New post published:\n* [New Blog Post](http://example.com)',
    },
  ],
  [
    'publish_post_no_data_provided.txt',
    'publish_post',
    {
      topic: 'WordPress Notification',
      body: 'New post published:\n* New WordPress Post',
    },
  ],
  [
    'publish_post_type_not_provided.txt',
    'publish_post',
    {
      topic: 'WordPress Post',
      body: 'New post published:\n* [New Blog Post](http://example.com)',
    },
  ],
  ['unknown_action_no_data.txt', '', ANOMALOUS],
  ['unknown_action_no_hook_provided.txt', '', ANOMALOUS],
  [
    'user_register.txt',
    'user_register',
    {
      topic: 'New Blog Users',
      body: 'New blog user registered:\n* **Name**: test_user\n* **Email**: test_user@example.com',
    },
  ],
  [
    'wp_login.txt',
    'wp_login',
    {
      topic: 'New Login',
      body: 'User testuser logged in.',
    },
  ],
];

export const SHARED_FIXTURES = sharedSuite(wordpressIntegration, SHARED_CASES, { wire: 'form' });
