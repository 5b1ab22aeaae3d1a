import type { IntegrationDefinition, WebhookInput } from '../core/integration';
import { AnomalousPayloadError, Payload } from '../core/payload';
import { render } from '../core/templates';
import { truncateTopic } from '../core/text';

/**
 * Buildbot's HTTP status push (`reporters.HttpStatusPush` / Zulip's `ZulipStatusPush`): one
 * JSON document when a build starts (`event: "new"`) and one when it finishes, carrying the
 * numeric Buildbot result.
 */
const NAME = 'buildbot';

/** Buildbot's result codes, in order (buildbot.process.results). */
const RESULTS = ['success', 'warnings', 'failure', 'skipped', 'exception', 'retry', 'cancelled'];

function topicOf(p: Payload): string {
  return truncateTopic(p.optStr('project') || 'general');
}

function buildContext(p: Payload) {
  return { id: p.num('buildid'), url: p.str('url'), name: p.str('buildername') };
}

function renderStarted(input: WebhookInput) {
  const p = new Payload(input.payload);
  return { topic: topicOf(p), body: render(NAME, 'started', buildContext(p)) };
}

function renderFinished(input: WebhookInput) {
  const p = new Payload(input.payload);
  const code = p.num('results');
  const result = RESULTS[code];
  if (!Number.isInteger(code) || result === undefined) {
    throw new AnomalousPayloadError('results', `a Buildbot result code (0-${RESULTS.length - 1})`);
  }
  return { topic: topicOf(p), body: render(NAME, 'finished', { ...buildContext(p), result }) };
}

export const buildbotIntegration: IntegrationDefinition = {
  name: NAME,
  displayName: 'Buildbot',
  category: 'ci-cd',
  eventName: (input) => new Payload(input.payload).str('event'),
  events: { new: renderStarted, finished: renderFinished },
  ignoredEvents: [],
};
