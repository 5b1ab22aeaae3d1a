import * as vm from 'node:vm';
import type { RawMatch } from './linkifier-text';

export type { RawMatch };

export interface PatternSource {
  source: string;
  flags: string;
  /**
   * The pattern's variable quantifiers when its backtracking is provably polynomial
   * (linkifier-cost's `variableQuantifiers`), else null or absent: it then always runs in the
   * sandbox.
   */
  variableQuantifiers?: number | null;
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
  // Patterns whose cost on these texts is provably small run here: starting the sandbox's timer
  // (a watchdog thread per run) costs far more than they do.
  if (boundedCost(patterns, texts)) return findMatches(patterns, texts, limit);
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

/**
 * Steps (text length^(quantifiers + 1) times pattern length, summed) below which matching runs
 * without the sandbox: a few milliseconds at worst, well within the time budget.
 */
export const DIRECT_MATCH_STEPS = 2_000_000;

/** Whether every pattern's worst case over these texts stays within DIRECT_MATCH_STEPS. */
function boundedCost(patterns: readonly PatternSource[], texts: readonly string[]): boolean {
  let steps = 0;
  for (const { source, variableQuantifiers } of patterns) {
    if (variableQuantifiers === undefined || variableQuantifiers === null) return false;
    for (const text of texts) {
      steps += (text.length + 1) ** (variableQuantifiers + 1) * source.length;
      if (steps > DIRECT_MATCH_STEPS) return false;
    }
  }
  return true;
}

/** What the sandbox's script does (see `matcher`), in this context. */
function findMatches(
  patterns: readonly PatternSource[],
  texts: readonly string[],
  limit: number,
): RawMatch[][] {
  const results: RawMatch[][] = [];
  let total = 0;
  for (const text of texts) {
    const found: RawMatch[] = [];
    for (let p = 0; p < patterns.length && total < limit; p++) {
      const re = new RegExp(patterns[p].source, patterns[p].flags);
      let m;
      while (total < limit && (m = re.exec(text)) !== null) {
        if (m[0] === '') {
          re.lastIndex++;
          continue;
        }
        const groups: Record<string, string> = {};
        for (const [k, v] of Object.entries(m.groups || {}))
          if (typeof v === 'string') groups[k] = v;
        found.push({ pattern: p, start: m.index, text: m[0], groups });
        total++;
      }
    }
    results.push(found);
  }
  return results;
}

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
