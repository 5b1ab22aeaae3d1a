import * as fs from 'node:fs';
import * as path from 'node:path';
import { AnomalousPayloadError } from '../core/payload';
import { githubIntegration } from './github.handler';
import {
  deliver,
  eventOfFixture,
  examples,
  readJson,
  SHARED_DIR,
  type Json,
} from './github.testing';

/** Every path to a value inside a payload ("pull_request.head.ref", "commits.0.id", ...). */
function pathsOf(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, child]) => {
    const here = prefix ? `${prefix}.${key}` : key;
    return [here, ...pathsOf(child, here)];
  });
}

function mutate(
  payload: Json,
  at: string,
  change: (parent: Record<string, unknown>, key: string) => void,
): Json {
  const copy = structuredClone(payload);
  const parts = at.split('.');
  let node = copy as Record<string, unknown>;
  for (const part of parts.slice(0, -1)) node = node[part] as Record<string, unknown>;
  change(node, parts[parts.length - 1]);
  return copy;
}

/** A value of a different JSON type than the one found. */
function wrongType(value: unknown): unknown {
  if (typeof value === 'string') return 42;
  if (value === null) return 42;
  return 'not what GitHub sends';
}

/** One payload per header event that renders a message: a shared fixture or GitHub's example. */
function renderablePayloads(): [string, Json][] {
  const byEvent = new Map<string, Json[]>();
  const add = (event: string, payload: Json) =>
    byEvent.set(event, [...(byEvent.get(event) ?? []), payload]);
  if (fs.existsSync(SHARED_DIR)) {
    for (const f of fs.readdirSync(SHARED_DIR))
      add(eventOfFixture(f), readJson(path.join(SHARED_DIR, f)));
  }
  for (const [event, payloads] of examples) payloads.forEach((p) => add(event, p));
  const chosen: [string, Json][] = [];
  for (const [event, payloads] of byEvent) {
    const seen = new Set<string>();
    for (const payload of payloads) {
      const outcome = deliver(event, payload);
      if (outcome.kind !== 'message' || seen.has(outcome.event)) continue;
      seen.add(outcome.event);
      chosen.push([`${event} (${outcome.event})`, payload]);
    }
  }
  return chosen;
}

describe('GitHub: malformed payloads of a supported event', () => {
  const cases = renderablePayloads().map(([label, payload]) => [
    label,
    label.split(' ')[0],
    payload,
  ]) as [string, string, Json][];

  it('covers every supported event name', () => {
    const covered = new Set(cases.map(([label]) => label.match(/\((.*)\)/)?.[1]));
    for (const name of Object.keys(githubIntegration.events)) expect(covered).toContain(name);
  });

  it.each(cases)(
    '%s: a missing or mistyped field is an AnomalousPayloadError, never a crash',
    (_l, event, payload) => {
      const crashes: string[] = [];
      for (const at of pathsOf(payload)) {
        const broken = [
          // (JSON has no holes: an array element is removed, not deleted.)
          mutate(payload, at, (parent, key) =>
            Array.isArray(parent) ? parent.splice(Number(key), 1) : delete parent[key],
          ),
          mutate(payload, at, (parent, key) => (parent[key] = wrongType(parent[key]))),
        ];
        for (const candidate of broken) {
          try {
            deliver(event, candidate);
          } catch (err) {
            if (!(err instanceof AnomalousPayloadError)) crashes.push(`${at}: ${String(err)}`);
          }
        }
      }
      expect(crashes).toEqual([]);
    },
  );

  it('names the offending field', () => {
    const push = examples.get('push')?.find((p) => String(p.ref).startsWith('refs/heads/')) as Json;
    const broken = mutate(push, 'commits.0.id', (parent, key) => (parent[key] = 7));
    expect(() => deliver('push', broken)).toThrow(
      new AnomalousPayloadError('commits.0.id', 'a string'),
    );
    expect(() =>
      deliver('pull_request', { action: 'closed', pull_request: { number: '1' } }),
    ).toThrow(AnomalousPayloadError);
    expect(() => deliver('push', { ref: 5 })).toThrow(
      'Malformed payload: expected a string at "ref"',
    );
    expect(() => deliver('issues', [])).toThrow(AnomalousPayloadError);
  });
});
