import { defineGenericIntegration } from '../shared-generic/generic';

/**
 * Zapier's Webhooks by Zapier (or the Zulip app) action: the Zap writes `topic` (or `subject`)
 * and `content`. The Zulip app first checks the key with `{"type": "auth"}`, which posts nothing.
 */
export const zapierIntegration = defineGenericIntegration({
  name: 'zapier',
  displayName: 'Zapier',
  topicFields: ['topic', 'subject'],
  contentField: 'content',
  eventOf: (e) => (e.payload.optStr('type') === 'auth' ? 'auth' : null),
  otherEvents: { auth: () => null },
});
