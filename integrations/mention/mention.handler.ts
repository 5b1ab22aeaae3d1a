import { defineIntegration, post } from '../core/define';

/**
 * Mention's alerts (through its Zapier/webhook export): a web mention with `title`, `url` and a
 * `description` excerpt. Topic "news", as Zulip does.
 */
export const mentionIntegration = defineIntegration({
  name: 'mention',
  displayName: 'Mention',
  category: 'other',
  eventName: () => 'mention',
  events: {
    mention: post(
      () => 'news',
      'mention',
      (e) => ({
        title: e.payload.str('title'),
        url: e.payload.optStr('url'),
        description: e.payload.optStr('description'),
      }),
    ),
  },
});
