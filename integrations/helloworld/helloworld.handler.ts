import { defineIntegration, post } from '../core/define';

/**
 * Zulip's example integration: a script posts today's Wikipedia featured article
 * (`featured_title`, `featured_url`). Kept so its tutorial URL works; topic "Hello World".
 */
export const helloworldIntegration = defineIntegration({
  name: 'helloworld',
  displayName: 'Hello World',
  category: 'other',
  eventName: () => 'hello',
  events: {
    hello: post(
      () => 'Hello World',
      'hello',
      (e) => ({ title: e.payload.str('featured_title'), url: e.payload.str('featured_url') }),
    ),
  },
});
