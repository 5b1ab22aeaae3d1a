import * as fs from 'node:fs';
import * as path from 'node:path';
import type { WebhookInput, WebhookOutcome } from '../core/integration';
import { dispatchWebhook } from '../core/dispatch';
import { loadFixture, ownSuite, sharedFixturesDir, webhookInput } from '../core/testing';
import { githubIntegration } from './github.handler';

/**
 * The GitHub specs' helpers on top of core/testing: GitHub's own examples and one-call delivery.
 */
export type Json = Record<string, unknown>;

export const SHARED_DIR = sharedFixturesDir('github');
const OWN_DIR = ownSuite(githubIntegration, []).dir;
const EXAMPLES_FILE = require.resolve('@octokit/webhooks-examples/api.github.com/index.json');

export function readJson(file: string): Json {
  return loadFixture(path.dirname(file), path.basename(file)) as Json;
}

/** GitHub's own example payloads, per X-GitHub-Event. */
export const examples = new Map(
  (JSON.parse(fs.readFileSync(EXAMPLES_FILE, 'utf8')) as { name: string; examples: Json[] }[]).map(
    (e) => [e.name, e.examples],
  ),
);

export function example(event: string, match: (p: Json) => boolean = () => true): Json {
  const found = (examples.get(event) ?? []).find(match);
  if (!found) throw new Error(`no @octokit/webhooks-examples payload for ${event}`);
  return structuredClone(found);
}

export const withAction = (action: string) => (p: Json) => p.action === action;

export function input(
  event: string,
  payload: unknown,
  options: Record<string, string> = {},
): WebhookInput {
  return webhookInput(payload, options, { 'X-GitHub-Event': event });
}

export function deliver(
  event: string,
  payload: unknown,
  options?: Record<string, string>,
): WebhookOutcome {
  return dispatchWebhook(githubIntegration, input(event, payload, options));
}

export function message(event: string, payload: unknown, options?: Record<string, string>) {
  const outcome = deliver(event, payload, options);
  if (outcome.kind !== 'message') throw new Error(`expected a message, got ${outcome.kind}`);
  return outcome.message;
}

/** `<event>__<variant>.json` → the X-GitHub-Event value. */
export function eventOfFixture(file: string): string {
  return path.basename(file, '.json').split('__')[0];
}

/** One of this integration's own fixtures (integrations/github/fixtures/<name>.json). */
export function own(name: string): Json {
  return readJson(path.join(OWN_DIR, `${name}.json`));
}
