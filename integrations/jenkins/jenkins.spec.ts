import * as fs from 'node:fs';
import * as path from 'node:path';
import type { RenderedMessage, WebhookInput } from '../core/integration';
import { AnomalousPayloadError } from '../core/payload';
import { jenkinsIntegration as integration } from './jenkins.handler';

/** [fixture file, event name, message (null: recognised, nothing posted)] */
type Case = [string, string, RenderedMessage | null];

const OWN_FIXTURES = path.resolve(__dirname, 'fixtures');

function load(dir: string, file: string): unknown {
  return JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
}

function input(payload: unknown, options: Record<string, string> = {}): WebhookInput {
  return { headers: {}, payload, options };
}

/** What the gateway would do: the event name, then its renderer, or nothing if ignored. */
function deliver(webhook: WebhookInput): { event: string; message: RenderedMessage | null } {
  const event = integration.eventName(webhook);
  const renderer = integration.events[event];
  if (!renderer) {
    expect(integration.ignoredEvents).toContain(event);
    return { event, message: null };
  }
  return { event, message: renderer(webhook) };
}

const OWN_CASES: Case[] = [
  [
    'completed_failure.json',
    'completed',
    {
      topic: 'hub-server',
      body: '**Build: **[#18](https://jenkins.example.org/job/hub-server/18/): **FAILURE** :cross_mark:\nCommit `7777777` on `origin/main`',
    },
  ],
  [
    'completed_success.json',
    'completed',
    {
      topic: 'hub-server',
      body: '**Build: **[#18](https://jenkins.example.org/job/hub-server/18/): **SUCCESS** :check_mark:\nCommit `7777777` on `origin/main`',
    },
  ],
  [
    'completed_unstable.json',
    'completed',
    {
      topic: 'hub-server',
      body: '**Build: **[#18](https://jenkins.example.org/job/hub-server/18/): **UNSTABLE** :warning:',
    },
  ],
  ['finalized.json', 'finalized', null],
  ['queued.json', 'queued', null],
  [
    'started.json',
    'started',
    {
      topic: 'hub-server',
      body: '**Build: **[#18](https://jenkins.example.org/job/hub-server/18/): started :running:\nCommit `7777777` on `origin/main`',
    },
  ],
];

describe('Jenkins integration', () => {
  it.each(OWN_CASES)('%s → %s', (file, event, expected) => {
    const result = deliver(input(load(OWN_FIXTURES, file)));
    expect(result.event).toBe(event);
    expect(result.message).toEqual(expected);
  });

  it('renders every supported event from its own fixtures', () => {
    const covered = new Set(OWN_CASES.map(([, event]) => event));
    expect(Object.keys(integration.events).filter((e) => !covered.has(e))).toEqual([]);
  });

  it.each([
    [
      'completed_success.json',
      (p: Record<string, unknown>) => {
        (p.build as Record<string, unknown>).status = null;
      },
    ],
    [
      'started.json',
      (p: Record<string, unknown>) => {
        (p.build as Record<string, unknown>).number = '18';
      },
    ],
    [
      'started.json',
      (p: Record<string, unknown>) => {
        delete p.build;
      },
    ],
    [
      'started.json',
      (p: Record<string, unknown>) => {
        p.name = ['hub'];
      },
    ],
  ])('a missing or mistyped field in %s is an anomalous payload, not a crash', (file, spoil) => {
    const payload = load(OWN_FIXTURES, file) as Record<string, unknown>;
    spoil(payload);
    expect(() => deliver(input(payload))).toThrow(AnomalousPayloadError);
  });
});
