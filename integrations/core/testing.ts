import * as fs from 'node:fs';
import * as path from 'node:path';
import { dispatchWebhook } from './dispatch';
import type { IntegrationDefinition, RenderedMessage, WebhookInput } from './integration';

/** Spec helpers shared by every integration's fixture-driven tests. */

/** [fixture file, event name, message (null: recognised, nothing posted)] */
export type FixtureCase = [string, string, RenderedMessage | null];

/** `../shared/fixtures/webhooks/<name>` beside the checkout (CI has it; it may be absent). */
export function sharedFixturesDir(name: string): string {
  return path.resolve(__dirname, '../../../shared/fixtures/webhooks', name);
}

export function loadFixture(dir: string, file: string): unknown {
  return JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
}

export function webhookInput(
  payload: unknown,
  options: Record<string, string> = {},
  headers: Record<string, string> = {},
): WebhookInput {
  return { headers, payload, options };
}

/**
 * What the gateway makes of a delivery: the event name and its message, or null for a declared
 * no-op. An unsupported event fails the test.
 */
export function deliverWith(integration: IntegrationDefinition) {
  return (webhook: WebhookInput): { event: string; message: RenderedMessage | null } => {
    const outcome = dispatchWebhook(integration, webhook);
    if (outcome.kind === 'unsupported') throw new Error(`unsupported event ${outcome.event}`);
    return { event: outcome.event, message: outcome.kind === 'message' ? outcome.message : null };
  };
}

/** Each own fixture renders to its expected message, and every supported event has a fixture. */
export function itRendersOwnFixtures(
  integration: IntegrationDefinition,
  dir: string,
  cases: FixtureCase[],
): void {
  const deliver = deliverWith(integration);
  it.each(cases)('%s → %s', (file, event, expected) => {
    const result = deliver(webhookInput(loadFixture(dir, file)));
    expect(result.event).toBe(event);
    expect(result.message).toEqual(expected);
  });

  it('renders every supported event from its own fixtures', () => {
    const covered = new Set(cases.map(([, event]) => event));
    expect(Object.keys(integration.events).filter((e) => !covered.has(e))).toEqual([]);
  });
}

/**
 * Every captured payload in ../shared/fixtures/webhooks/<name> has an expectation and renders to
 * it; skipped when that folder is absent (the suite still runs on the integration's own fixtures).
 */
export function describeSharedFixtures(
  title: string,
  integration: IntegrationDefinition,
  name: string,
  cases: FixtureCase[],
): void {
  const dir = sharedFixturesDir(name);
  const deliver = deliverWith(integration);
  (fs.existsSync(dir) ? describe : describe.skip)(
    `${title} on the captured fixtures in ../shared`,
    () => {
      it('has an expectation for every captured fixture', () => {
        const files = fs.readdirSync(dir).filter((f) => f.endsWith('.json'));
        expect(files.sort()).toEqual(cases.map(([file]) => file).sort());
      });

      it.each(cases)('%s → %s', (file, event, expected) => {
        const result = deliver(webhookInput(loadFixture(dir, file)));
        expect(result.event).toBe(event);
        expect(result.message).toEqual(expected);
      });
    },
  );
}
