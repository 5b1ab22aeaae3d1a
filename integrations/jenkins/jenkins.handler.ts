import type { EventRenderer, IntegrationDefinition, WebhookInput } from '../core/integration';
import { Payload } from '../core/payload';
import { render } from '../core/templates';
import { truncateTopic } from '../core/text';

/**
 * Jenkins through its Notification plugin, which POSTs a JSON document per build phase:
 * `{name, url, build: {number, phase, status, full_url, scm: {url, branch, commit}}}`.
 * Messages follow Zulip's Jenkins plugin: topic the job name,
 * `**Build: **[#n](url): **RESULT** :emoji:`. The event is the phase, lowercased.
 */
const NAME = 'jenkins';

/** Zulip's Jenkins plugin: a check mark for success, a warning for unstable, a cross otherwise. */
function resultEmoji(status: string): string {
  if (status === 'SUCCESS') return ':check_mark:';
  if (status === 'UNSTABLE') return ':warning:';
  return ':cross_mark:';
}

function buildContext(p: Payload) {
  const build = p.obj('build');
  const commit = build.optStr('scm.commit');
  return {
    job: p.str('name'),
    number: build.num('number'),
    url: build.optStr('full_url'),
    branch: build.optStr('scm.branch'),
    commit: commit ? commit.slice(0, 7) : null,
  };
}

function phase(template: 'started' | 'completed'): EventRenderer {
  return (input: WebhookInput) => {
    const p = new Payload(input.payload);
    const ctx = buildContext(p);
    const status = template === 'completed' ? p.str('build.status') : null;
    const body = render(NAME, template, {
      ...ctx,
      status,
      emoji: status ? resultEmoji(status) : null,
    });
    return { topic: truncateTopic(ctx.job), body };
  };
}

export const jenkinsIntegration: IntegrationDefinition = {
  name: NAME,
  displayName: 'Jenkins',
  category: 'ci-cd',
  eventName: (input) => new Payload(input.payload).str('build.phase').toLowerCase(),
  events: {
    started: phase('started'),
    completed: phase('completed'),
  },
  // QUEUED comes before anything ran; FINALIZED repeats COMPLETED's status once post-build
  // steps are done, so posting it would announce every build twice.
  ignoredEvents: ['queued', 'finalized'],
};
