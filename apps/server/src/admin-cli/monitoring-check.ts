import { CommanderError } from 'commander';

/**
 * The monitoring-plugin contract (Nagios, Icinga, Sensu...) the `manage check-*` commands keep:
 * one line `STATE - text | perfdata` and the exit status 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN.
 */
export type CheckState = 'OK' | 'WARNING' | 'CRITICAL' | 'UNKNOWN';

const EXIT_STATUS: Record<CheckState, number> = { OK: 0, WARNING: 1, CRITICAL: 2, UNKNOWN: 3 };

export interface PerfDatum {
  label: string;
  value: number;
  /** s, B, % or a count (none). */
  uom?: string;
  warn?: number;
  crit?: number;
  min?: number;
  max?: number;
}

export interface CheckResult {
  state: CheckState;
  text: string;
  perf?: PerfDatum[];
}

function perfText(d: PerfDatum): string {
  const label = /^[A-Za-z0-9_.-]+$/.test(d.label) ? d.label : `'${d.label.replace(/'/g, "''")}'`;
  const fields = [d.warn, d.crit, d.min, d.max].map((v) => (v === undefined ? '' : String(v)));
  while (fields.length > 0 && fields[fields.length - 1] === '') fields.pop();
  return [`${label}=${d.value}${d.uom ?? ''}`, ...fields].join(';');
}

/** The one line a monitoring system reads. */
export function formatCheck(result: CheckResult): string {
  const text = result.text.replace(/\s*[\r\n|]+\s*/g, ' ');
  const perf = (result.perf ?? []).map(perfText).join(' ');
  return `${result.state} - ${text}${perf ? ` | ${perf}` : ''}`;
}

/** OK, WARNING or CRITICAL for a value where more is worse. */
export function thresholdState(value: number, warn?: number, crit?: number): CheckState {
  if (crit !== undefined && value > crit) return 'CRITICAL';
  if (warn !== undefined && value > warn) return 'WARNING';
  return 'OK';
}

/** A bad command-line value: the check answers UNKNOWN. */
export class CheckUsageError extends Error {}

const UNITS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400 };

/** `90`, `90s`, `30m`, `26h`, `2d` in seconds. */
export function parseDuration(text: string, option: string): number {
  const match = /^(\d+(?:\.\d+)?)([smhd]?)$/.exec(text.trim());
  if (!match) throw new CheckUsageError(`${option} takes a duration like 90s, 30m, 26h or 2d`);
  return Math.round(Number(match[1]) * UNITS[match[2] || 's']);
}

/**
 * Runs a check: prints its line and ends the command with its exit status. A failure of the
 * check itself (bad arguments, an unexpected error) is UNKNOWN.
 */
export async function runCheck(
  print: (line: string) => void,
  check: () => Promise<CheckResult>,
): Promise<void> {
  let result: CheckResult;
  try {
    result = await check();
  } catch (err) {
    result = { state: 'UNKNOWN', text: err instanceof Error ? err.message : String(err) };
  }
  print(formatCheck(result));
  const status = EXIT_STATUS[result.state];
  if (status !== 0) throw new CommanderError(status, `check.${result.state.toLowerCase()}`, '');
}
