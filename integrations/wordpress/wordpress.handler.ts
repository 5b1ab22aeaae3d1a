import { defineIntegration, post, WebhookEvent } from '../core/define';

/**
 * WordPress through the HookPress plugin: a form whose `hook` names the action (`publish_post`,
 * `publish_page`, `user_register`, `wp_login`) with the fields chosen for it. HookPress can add
 * `topic=` to the form; otherwise the topic is "WordPress Notification", as Zulip does.
 */
const TOPIC = 'WordPress Notification';
/** HookPress's form may carry `topic` (the gateway posts there); else Zulip's default. */
const topicOf = (e: WebhookEvent) => e.options.topic ?? TOPIC;

const published = (kind: string) =>
  post(topicOf, 'published', (e: WebhookEvent) => ({
    kind: e.payload.optStr('post_type') ?? kind,
    title: e.payload.optStr('post_title') ?? 'New WordPress Post',
    url: e.payload.optStr('post_url'),
  }));

export const wordpressIntegration = defineIntegration({
  name: 'wordpress',
  displayName: 'WordPress',
  category: 'other',
  eventField: 'hook',
  events: {
    publish_post: published('post'),
    publish_page: published('page'),
    user_register: post(topicOf, 'user_register', (e) => ({
      name: e.payload.str('display_name'),
      email: e.payload.str('user_email'),
    })),
    wp_login: post(topicOf, 'wp_login', (e) => ({ login: e.payload.str('user_login') })),
  },
});
