import picomatch from 'picomatch';
import { ZulipError } from '@hub/api/zulip-error';

/** Parses `only_events` / `exclude_events`: a JSON list of shell-style patterns. */
export function parseEventPatterns(raw: string | undefined, name: string): string[] | null {
  if (raw === undefined) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new ZulipError('BAD_REQUEST', `Argument "${name}" is not valid JSON.`, 400, {
      var_name: name,
    });
  }
  if (!Array.isArray(parsed) || parsed.some((p) => typeof p !== 'string')) {
    throw new ZulipError('BAD_REQUEST', `${name} is not a list of strings`, 400, {
      var_name: name,
    });
  }
  return parsed as string[];
}

/** Zulip's rule: with only_events, some pattern must match; no exclude_events pattern may match. */
export function eventWanted(
  event: string,
  only: string[] | null,
  exclude: string[] | null,
): boolean {
  const matches = (patterns: string[]) =>
    patterns.some((p) => picomatch.isMatch(event, p, { dot: true }));
  if (only && !matches(only)) return false;
  if (exclude && matches(exclude)) return false;
  return true;
}

/** The `branches` option: a comma-separated list; events on other branches post nothing. */
export function branchWanted(branch: string | null, branchesOption: string | undefined): boolean {
  if (!branchesOption || branch === null) return true;
  const wanted = branchesOption
    .split(',')
    .map((b) => b.trim())
    .filter(Boolean);
  return wanted.length === 0 || wanted.includes(branch);
}
