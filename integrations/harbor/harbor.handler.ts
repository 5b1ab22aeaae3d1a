import { defineIntegration, WebhookEvent } from '../core/define';
import { tokenHeader } from '../core/verify';

/**
 * Harbor registry webhooks (Harbor 2.x): the event is the payload's `type`; the topic is the
 * repository (`project/name`).
 */
const SEVERITIES = ['Critical', 'High', 'Medium', 'Low', 'Negligible', 'Unknown', 'None'];

const repository = (e: WebhookEvent) => e.payload.str('event_data.repository.repo_full_name');
const images = (e: WebhookEvent) =>
  e.payload
    .list('event_data.resources')
    .map((r) => `${repository(e)}:${r.optStr('tag') ?? r.str('digest')}`);

function pushed(e: WebhookEvent) {
  return e.message(repository(e), 'push', {
    operator: e.payload.str('operator'),
    images: images(e),
  });
}

/** "* High: **4**" lines from each resource's scan reports, most severe first. */
function severities(e: WebhookEvent): string[] {
  const counts = new Map<string, number>();
  for (const resource of e.payload.list('event_data.resources')) {
    const overview = resource.optObj('scan_overview');
    for (const report of overview ? overview.keys().map((k) => overview.child(k)) : []) {
      const summary = report.optObj('summary.summary');
      for (const severity of summary ? summary.keys() : []) {
        counts.set(severity, (counts.get(severity) ?? 0) + summary!.num(severity));
      }
    }
  }
  const rank = (s: string) => (SEVERITIES.includes(s) ? SEVERITIES.indexOf(s) : SEVERITIES.length);
  return [...counts.entries()]
    .filter(([, n]) => n > 0)
    .sort(([a], [b]) => rank(a) - rank(b))
    .map(([severity, n]) => `${severity}: **${n}**`);
}

export const harborIntegration = defineIntegration({
  name: 'harbor',
  displayName: 'Harbor',
  category: 'ci-cd',
  eventField: 'type',
  events: {
    PUSH_ARTIFACT: pushed,
    pushImage: pushed,
    SCANNING_COMPLETED: (e) =>
      e.message(repository(e), 'scan-completed', { images: images(e), severities: severities(e) }),
    SCANNING_FAILED: (e) => e.message(repository(e), 'scan-failed', { images: images(e) }),
  },
  // Deletions and pulls are not news (Zulip drops them too).
  ignoredEvents: ['DELETE_ARTIFACT', 'PULL_ARTIFACT', 'deleteImage', 'pullImage'],
  // Harbor sends the webhook's "Auth Header" value as the Authorization header.
  verify: tokenHeader('Authorization'),
});
