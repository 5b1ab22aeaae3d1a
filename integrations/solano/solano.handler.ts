import { defineIntegration, WebhookEvent } from '../core/define';
import type { Payload } from '../core/payload';

/**
 * Solano Labs (Solano CI, formerly tddium; the service has since shut down) build notifications.
 * Every build posts under the topic "build update", as in Zulip.
 */
const TOPIC = 'build update';
const EMOJI: Record<string, string> = {
  passed: ':thumbs_up:',
  failed: ':thumbs_down:',
  error: ':thumbs_down:',
  running: ':arrows_counterclockwise:',
};

/** `ssh://git@github.com/org/repo` → a link to the commit on that host. */
function commitUrl(p: Payload): string | null {
  const repo = p.optStr('repository.url');
  if (!repo) return null;
  const match = /^(?:[a-z+]+:\/\/)?(?:[^@/]+@)?([^/:]+)[/:](.+?)(?:\.git)?$/.exec(repo);
  if (!match) return null;
  const [, host, path] = match;
  const kind = host.includes('bitbucket') ? 'commits' : 'commit';
  return `https://${host}/${path}/${kind}/${p.str('commit_id')}`;
}

function build(e: WebhookEvent) {
  const p = e.payload;
  // Solano spelled the field "commiters" in some payloads.
  const committers = p.has('committers')
    ? p.strList('committers')
    : p.has('commiters')
      ? p.strList('commiters')
      : [];
  const status = p.str('status');
  return e.message(TOPIC, 'build', {
    url: p.str('url'),
    author: committers.length > 0 ? committers.join(', ') : 'Unknown',
    sha: p.str('commit_id'),
    commitUrl: commitUrl(p),
    status,
    emoji: Object.hasOwn(EMOJI, status) ? ` ${EMOJI[status]}` : '',
  });
}

export const solanoIntegration = defineIntegration({
  name: 'solano',
  displayName: 'Solano Labs',
  category: 'ci-cd',
  // Solano names each build phase (received, stop, first-fail, ...); all are one `build` event.
  eventName: (e) => (e.payload.str('event') === 'test' ? 'test' : 'build'),
  events: {
    build,
    test: (e) => e.message(TOPIC, 'test', {}),
  },
  branchOf: (e) => e.payload.optStr('branch'),
});
