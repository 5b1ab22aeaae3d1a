import type { IntegrationDefinition, WebhookInput } from '../core/integration';
import { AnomalousPayloadError, Payload } from '../core/payload';
import { render } from '../core/templates';

/**
 * Travis CI build notifications. Travis posts a form whose `payload` field holds the JSON; the
 * gateway hands us that JSON. Every build lands under the topic "builds"; the event is the build
 * `type` (push, pull_request, cron, api).
 */
const NAME = 'travis';

const GOOD_STATUSES = ['Passed', 'Fixed'];
const BAD_STATUSES = ['Failed', 'Broken', 'Still Failing', 'Errored', 'Canceled'];
const PENDING_STATUSES = ['Pending'];

function statusEmoji(status: string): string {
  if (GOOD_STATUSES.includes(status)) return ':thumbs_up:';
  if (BAD_STATUSES.includes(status)) return ':thumbs_down:';
  if (PENDING_STATUSES.includes(status)) return ':counterclockwise:';
  return `(No emoji specified for status '${status}'.)`;
}

/** `ignore_pull_requests` (JSON bool, default true): pull request builds post nothing. */
function ignorePullRequests(input: WebhookInput): boolean {
  const raw = input.options.ignore_pull_requests;
  if (raw === undefined || raw === 'true') return true;
  if (raw === 'false') return false;
  throw new AnomalousPayloadError('ignore_pull_requests', 'true or false');
}

function renderBuild(input: WebhookInput) {
  const p = new Payload(input.payload);
  const status = p.str('status_message');
  const body = render(NAME, 'build', {
    author: p.str('author_name'),
    status,
    emoji: statusEmoji(status),
    compareUrl: p.str('compare_url'),
    buildUrl: p.str('build_url'),
  });
  return { topic: 'builds', body };
}

export const travisIntegration: IntegrationDefinition = {
  name: NAME,
  displayName: 'Travis CI',
  category: 'ci-cd',
  eventName: (input) => new Payload(input.payload).str('type'),
  events: {
    push: renderBuild,
    pull_request: (input) => (ignorePullRequests(input) ? null : renderBuild(input)),
    cron: renderBuild,
    api: renderBuild,
  },
  ignoredEvents: [],
  parameters: { ignore_pull_requests: 'false: pull request builds are posted too' },
};
