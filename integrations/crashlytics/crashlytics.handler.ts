import { defineIntegration, WebhookEvent } from '../core/define';

/**
 * Fabric Crashlytics' issue alerts (an issue's impact changed) and its verification ping. Topic
 * `{display id}: {issue title}`; `Setup` for the verification.
 */
function issue(e: WebhookEvent) {
  const issue = e.payload.obj('payload');
  return e.message(`${issue.num('display_id')}: ${issue.str('title')}`, 'issue', {
    url: issue.str('url'),
    devices: issue.num('impacted_devices_count'),
  });
}

export const crashlyticsIntegration = defineIntegration({
  name: 'crashlytics',
  displayName: 'Crashlytics',
  category: 'monitoring',
  eventField: 'event',
  events: {
    issue_impact_change: issue,
    verification: (e) => e.message('Setup', 'verification', {}),
  },
});
