import * as vm from 'node:vm';
import type { RawMatch } from './linkifier-text';

export type { RawMatch };

export interface PatternSource {
  source: string;
  flags: string;
}

/*
 * Linkifier patterns are realm data. safe-regex2 (on the server and in compileLinkifiers)
 * rejects exponential patterns, but polynomial ones such as `a*a*a*a*c` still slip through, and
 * a JavaScript regex cannot be interrupted from the same thread. So all matching for a message
 * runs in one vm script with a timeout: V8 interrupts even a backtracking regex when it expires.
 */
const sandbox = vm.createContext(Object.create(null));
const matcher = new vm.Script(`'use strict';
(() => {
  const { patterns, texts, limit } = globalThis.input;
  const results = [];
  let total = 0;
  for (const text of texts) {
    const found = [];
    for (let p = 0; p < patterns.length && total < limit; p++) {
      const re = new RegExp(patterns[p].source, patterns[p].flags);
      let m;
      while (total < limit && (m = re.exec(text)) !== null) {
        if (m[0] === '') { re.lastIndex++; continue; }
        const groups = {};
        for (const [k, v] of Object.entries(m.groups || {})) if (typeof v === 'string') groups[k] = v;
        found.push({ pattern: p, start: m.index, text: m[0], groups });
        total++;
      }
    }
    results.push(found);
  }
  globalThis.output = results;
})();`);

/**
 * Runs every pattern over every text, at most `limit` matches in all, within `timeoutMs`.
 * Returns null when the time runs out (the caller then links nothing).
 */
export function matchPatterns(
  patterns: readonly PatternSource[],
  texts: readonly string[],
  limit: number,
  timeoutMs: number,
): RawMatch[][] | null {
  if (patterns.length === 0 || texts.length === 0) return texts.map(() => []);
  // The timeout is wall-clock time: on a busy machine the process may sit descheduled for most
  // of it. A run that used little CPU was stalled, not backtracking, so it gets another try.
  for (let attempt = 0; attempt < MAX_STALLED_RUNS; attempt++) {
    const cpuBefore = process.cpuUsage();
    const result = runMatcher(patterns, texts, limit, timeoutMs);
    if (result !== null) return result;
    const cpuMs = process.cpuUsage(cpuBefore).user / 1000;
    if (cpuMs >= timeoutMs / 2) return null;
  }
  return null;
}

const MAX_STALLED_RUNS = 3;

function runMatcher(
  patterns: readonly PatternSource[],
  texts: readonly string[],
  limit: number,
  timeoutMs: number,
): RawMatch[][] | null {
  sandbox.input = { patterns, texts, limit };
  try {
    matcher.runInContext(sandbox, { timeout: timeoutMs });
    // The script above builds exactly this shape; vm results are untyped by nature.
    return sandbox.output as RawMatch[][];
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') return null;
    throw error;
  } finally {
    sandbox.input = undefined;
    sandbox.output = undefined;
  }
}
