import * as fs from 'node:fs';
import * as path from 'node:path';
import { eventWanted } from '../../apps/gateway/src/event-filter';
import { integrationOptions, parseWebhookBody } from '../../apps/gateway/src/webhook-body';
import { dispatchWebhook } from './dispatch';
import type { IntegrationDefinition, RenderedMessage, WebhookInput } from './integration';
import { multipartBody } from './multipart';
import { AnomalousPayloadError } from './payload';

/**
 * Spec helpers shared by every integration's fixture-driven tests. A `FixtureSuite` says how a
 * folder of payloads is sent (wire format, headers) and what each must post; the same suite runs
 * in the integration's spec (through dispatch) and in test/gateway/fixtures.e2e-spec.ts (through
 * the real gateway and server), which finds every `SHARED_FIXTURES` export of an
 * `integrations/<folder>/<name>.expectations.ts` by itself.
 */

/** What one case adds to the request: headers beyond the suite's, URL options (`topic`, ...). */
export interface CaseRequest {
  headers?: Record<string, string>;
  options?: Record<string, string>;
}

/**
 * A captured payload of an event the integration does not support: answered 200 with Zulip's
 * UNSUPPORTED_WEBHOOK_EVENT_TYPE body, nothing posted.
 */
export const UNSUPPORTED = 'unsupported';
/**
 * A captured payload the service's integration cannot read (Zulip keeps such samples): answered
 * 400 ANOMALOUS_WEBHOOK_PAYLOAD, nothing posted. Its event name is '' when none can be read.
 */
export const ANOMALOUS = 'anomalous';
/**
 * A captured payload that is not JSON at all (a truncated capture Zulip keeps): answered 400
 * INVALID_JSON by the gateway's body parser, before any integration sees it.
 */
export const MALFORMED = 'malformed';

/**
 * What a fixture must make: a message, several (in order: a batch of events in one payload),
 * nothing (null: recognised), or one of the refusals.
 */
export type Expected =
  | RenderedMessage
  | RenderedMessage[]
  | null
  | typeof UNSUPPORTED
  | typeof ANOMALOUS
  | typeof MALFORMED;

/** The messages a fixture must post, in order (none for null and the refusals). */
export function expectedMessages(expected: Expected): RenderedMessage[] {
  if (expected === null || expected === UNSUPPORTED || expected === ANOMALOUS) return [];
  if (expected === MALFORMED) return [];
  return Array.isArray(expected) ? expected : [expected];
}

/** [fixture file, event name, what it must make, request extras] */
export type FixtureCase = [string, string, Expected, CaseRequest?];

/**
 * How the service puts a payload on the wire:
 * - `json`: the file is the JSON body (most services);
 * - `form`: the file is a form-encoded body (Heroku's deploy hook);
 * - `form-payload`: a form whose `payload` field holds the file's JSON (Travis CI, Beanstalk);
 * - `json-as-form`: the JSON body labelled as a form (Semaphore);
 * - `multipart-json`: a multipart/form-data body whose `json` field holds the file (HelloSign).
 */
export type Wire = 'json' | 'form' | 'form-payload' | 'json-as-form' | 'multipart-json';

export interface FixtureSuite {
  integration: IntegrationDefinition;
  /** The fixtures' folder (absolute). */
  dir: string;
  /** Whether the folder is the captured ../shared one (which may be absent) or the integration's own. */
  shared: boolean;
  /** How every file is sent, or how each one is (a folder mixing JSON and form captures). */
  wire: Wire | ((file: string) => Wire);
  /** The headers a fixture is sent with, e.g. the event header named after the file. */
  headers: (file: string) => Record<string, string>;
  cases: FixtureCase[];
}

export interface SuiteOptions {
  /** The folder under ../shared/fixtures/webhooks, when it differs from the integration's name. */
  folder?: string;
  wire?: Wire | ((file: string) => Wire);
  headers?: (file: string) => Record<string, string>;
}

const REPO_ROOT = path.resolve(__dirname, '../..');

/**
 * The captured payloads: `shared/fixtures/webhooks` beside the checkout (CI has it; it may be
 * absent), or beside a folder above it (a git worktree under another folder), or
 * `$SHARED_FIXTURES_DIR`.
 */
export function sharedWebhookFixturesRoot(): string {
  if (process.env.SHARED_FIXTURES_DIR) return path.resolve(process.env.SHARED_FIXTURES_DIR);
  const beside = (dir: string) => path.join(dir, 'shared', 'fixtures', 'webhooks');
  for (let dir = path.dirname(REPO_ROOT); ; dir = path.dirname(dir)) {
    if (fs.existsSync(beside(dir))) return beside(dir);
    if (path.dirname(dir) === dir) return beside(path.dirname(REPO_ROOT));
  }
}

/** `../shared/fixtures/webhooks/<name>` (see sharedWebhookFixturesRoot). */
export function sharedFixturesDir(name: string): string {
  return path.join(sharedWebhookFixturesRoot(), name);
}

/** The captured payloads in ../shared/fixtures/webhooks/<integration name>. */
export function sharedSuite(
  integration: IntegrationDefinition,
  cases: FixtureCase[],
  options: SuiteOptions = {},
): FixtureSuite {
  return {
    integration,
    dir: sharedFixturesDir(options.folder ?? integration.name),
    shared: true,
    wire: options.wire ?? 'json',
    headers: options.headers ?? (() => ({})),
    cases,
  };
}

/** The integration's own payloads in integrations/<folder>/fixtures. */
export function ownSuite(
  integration: IntegrationDefinition,
  cases: FixtureCase[],
  options: Omit<SuiteOptions, 'folder'> = {},
): FixtureSuite {
  return {
    integration,
    dir: path.resolve(__dirname, '..', integration.folder ?? integration.name, 'fixtures'),
    shared: false,
    wire: options.wire ?? 'json',
    headers: options.headers ?? (() => ({})),
    cases,
  };
}

/** The event header named after the fixture file's stem before `__` (`push__tag.json` → push). */
export function headerFromFileName(header: string): (file: string) => Record<string, string> {
  return (file) => ({ [header]: stem(file).split('__')[0] });
}

/** A file name without its extension. */
export function stem(file: string): string {
  return file.replace(/\.[^.]+$/, '');
}

/** The fixture files of a folder (every file but READMEs), sorted. */
export function fixtureFiles(dir: string): string[] {
  return fs
    .readdirSync(dir)
    .filter((f) => !f.startsWith('.') && !/^readme/i.test(f))
    .sort();
}

/** One fixture as the service would send it: content type and body. */
export function wireBody(wire: Wire, text: string): { contentType: string; body: string } {
  switch (wire) {
    case 'json':
      return { contentType: 'application/json', body: text };
    case 'form':
      return { contentType: 'application/x-www-form-urlencoded', body: text.trim() };
    case 'form-payload':
      return {
        contentType: 'application/x-www-form-urlencoded',
        body: new URLSearchParams({ payload: JSON.stringify(JSON.parse(text)) }).toString(),
      };
    case 'json-as-form':
      return { contentType: 'application/x-www-form-urlencoded', body: text };
    case 'multipart-json':
      return multipartBody({ json: JSON.stringify(JSON.parse(text)) });
  }
}

/** The request for one fixture of a suite: headers (with the content type) and body. */
export function fixtureRequest(
  suite: FixtureSuite,
  file: string,
  extra: CaseRequest = {},
): { headers: Record<string, string>; contentType: string; body: string } {
  const text = fs.readFileSync(path.join(suite.dir, file), 'utf8');
  const wire = typeof suite.wire === 'function' ? suite.wire(file) : suite.wire;
  return { headers: { ...suite.headers(file), ...extra.headers }, ...wireBody(wire, text) };
}

/** The WebhookInput the gateway builds for this request (same body parser, same options). */
export function requestInput(
  request: { headers: Record<string, string>; contentType: string; body: string },
  options: Record<string, string> = {},
): WebhookInput {
  const parsed = parseWebhookBody(Buffer.from(request.body), request.contentType);
  const headers: Record<string, string> = { 'content-type': request.contentType };
  for (const [k, v] of Object.entries(request.headers)) headers[k.toLowerCase()] = v;
  return {
    headers,
    payload: parsed.payload,
    options: integrationOptions({ ...parsed.form, ...options }),
  };
}

export function loadFixture(dir: string, file: string): unknown {
  return JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
}

export function webhookInput(
  payload: unknown,
  options: Record<string, string> = {},
  headers: Record<string, string> = {},
): WebhookInput {
  const lowered: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) lowered[k.toLowerCase()] = v;
  return { headers: lowered, payload, options };
}

export interface Delivered {
  event: string;
  message: RenderedMessage | null;
}

/**
 * What the gateway makes of a delivery: the event name and its message, or null for a declared
 * no-op. An unsupported event fails the test.
 */
export function deliverWith(integration: IntegrationDefinition) {
  return (webhook: WebhookInput): Delivered => {
    const outcome = dispatchWebhook(integration, webhook);
    if (outcome.kind === 'unsupported') throw new Error(`unsupported event ${outcome.event}`);
    if (outcome.kind === 'messages') {
      throw new Error(`event ${outcome.event} posts several messages: use dispatchWebhook`);
    }
    return { event: outcome.event, message: outcome.kind === 'message' ? outcome.message : null };
  };
}

/** One fixture of a suite through dispatch, sent as the service sends it (URL `options` added). */
export function deliverFixture(
  suite: FixtureSuite,
  file: string,
  extra: CaseRequest = {},
): Delivered {
  return deliverWith(suite.integration)(
    requestInput(fixtureRequest(suite, file, extra), extra.options),
  );
}

/** One case's check: the fixture, sent as the suite says, gives the expected event and message. */
function rendersAsExpected(suite: FixtureSuite) {
  return (...[file, event, expected, extra]: FixtureCase): void => {
    if (expected === MALFORMED) {
      const request = fixtureRequest(suite, file, extra);
      expect(() => requestInput(request, extra?.options)).toThrow('Malformed JSON');
    } else if (expected === ANOMALOUS) {
      const input = requestInput(fixtureRequest(suite, file, extra), extra?.options);
      expect(() => dispatchWebhook(suite.integration, input)).toThrow(AnomalousPayloadError);
    } else if (expected === UNSUPPORTED) {
      const input = requestInput(fixtureRequest(suite, file, extra), extra?.options);
      expect(dispatchWebhook(suite.integration, input)).toEqual({ kind: 'unsupported', event });
    } else if (Array.isArray(expected)) {
      const input = requestInput(fixtureRequest(suite, file, extra), extra?.options);
      expect(dispatchWebhook(suite.integration, input)).toEqual({
        kind: 'messages',
        event,
        messages: expected,
      });
    } else {
      expect(deliverFixture(suite, file, extra)).toEqual({ event, message: expected });
    }
  };
}

/**
 * Every file in the suite's folder has a case and renders to it (event name and message);
 * a shared suite is skipped when ../shared is absent.
 */
export function describeFixtures(title: string, suite: FixtureSuite): void {
  const present = fs.existsSync(suite.dir);
  if (!present && !suite.shared) throw new Error(`${suite.dir} does not exist`);
  (present ? describe : describe.skip)(title, () => {
    it('has a case for every fixture in the folder', () => {
      const covered = new Set(suite.cases.map(([file]) => file));
      expect(fixtureFiles(suite.dir).filter((file) => !covered.has(file))).toEqual([]);
      expect([...covered].filter((file) => !fs.existsSync(path.join(suite.dir, file)))).toEqual([]);
    });

    it.each(suite.cases)('%s → %s', rendersAsExpected(suite));
  });
}

/** describeFixtures for ../shared/fixtures/webhooks/<name> (kept for the older specs' wording). */
export function describeSharedFixtures(title: string, suite: FixtureSuite): void {
  describeFixtures(`${title} on the captured fixtures in ../shared`, suite);
}

/** Each own fixture renders to its expected message, and every supported event has a fixture. */
export function itRendersOwnFixtures(suite: FixtureSuite): void {
  it.each(suite.cases)('%s → %s', rendersAsExpected(suite));

  it('renders every supported event from its own fixtures', () => {
    const covered = new Set(suite.cases.map(([, event]) => event));
    expect(Object.keys(suite.integration.events).filter((e) => !covered.has(e))).toEqual([]);
  });
}

/**
 * `only_events` / `exclude_events` select this fixture by the event name the integration gives
 * it (the gateway applies them with the same `eventWanted`).
 */
export function itAppliesEventFilters(
  suite: FixtureSuite,
  file: string,
  extra?: CaseRequest,
): void {
  it(`only_events / exclude_events select ${file} by its event name`, () => {
    const { event } = deliverFixture(suite, file, extra);
    expect(eventWanted(event, [event], null)).toBe(true);
    expect(eventWanted(event, [`${event}*`], null)).toBe(true);
    expect(eventWanted(event, ['no_such_event'], null)).toBe(false);
    expect(eventWanted(event, null, [event])).toBe(false);
  });
}
