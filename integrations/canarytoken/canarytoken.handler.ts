import { defineIntegration, post, WebhookEvent } from '../core/define';

/**
 * canarytokens.org's free Canarytokens: a token was triggered. Topic `canarytoken alert`, as
 * Zulip posts it. (Tokens of Thinkst's paid console: the thinkst integration.)
 */
const triggered = (e: WebhookEvent) => ({
  time: e.payload.str('time'),
  memo: e.payload.str('memo'),
  manage: e.payload.str('manage_url'),
});

export const canarytokenIntegration = defineIntegration({
  name: 'canarytoken',
  displayName: 'Canarytokens',
  category: 'monitoring',
  eventName: () => 'triggered',
  events: { triggered: post(() => 'canarytoken alert', 'triggered', triggered) },
});
