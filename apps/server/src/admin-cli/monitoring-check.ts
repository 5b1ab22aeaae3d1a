import { CommanderError, type Command } from 'commander';
import { CliError, describeError, type CliContext } from './cli-context';

/**
 * The monitoring-plugin contract shared by every `manage check-*` command (Nagios, Icinga,
 * Sensu, check_mk): one line `STATUS - text | perfdata`, exit status 0 OK, 1 WARNING,
 * 2 CRITICAL, 3 UNKNOWN, and `--warning` / `--critical` thresholds in the plugins' range syntax.
 */
export const CheckStatus = { OK: 0, WARNING: 1, CRITICAL: 2, UNKNOWN: 3 } as const;
export type CheckStatusName = keyof typeof CheckStatus;

/**
 * A plugin threshold range: `10` alerts outside 0..10, `10:` below 10, `~:10` above 10,
 * `5:10` outside 5..10, and `@5:10` inside 5..10; `26h` is 93600 (seconds).
 */
export interface Threshold {
  text: string;
  low: number;
  high: number;
  inside: boolean;
}

/** A bad `--warning`/`--critical` value: the check answers UNKNOWN with this one line. */
export class ThresholdError extends CliError {}

/** What a check found wrong beyond any threshold (a process that does not answer): CRITICAL. */
export class CriticalCondition extends CliError {}

/** A threshold's numbers may carry a time unit, read as seconds (`26h`, `30m`, `2d`). */
const SECONDS_PER: Record<string, number> = { '': 1, s: 1, m: 60, h: 3600, d: 86400 };

export function parseThreshold(text: string): Threshold {
  const inside = text.startsWith('@');
  const range = inside ? text.slice(1) : text;
  const number = (s: string, fallback: number) => {
    if (s === '') return fallback;
    const match = /^(-?\d+(?:\.\d+)?)([smhd]?)$/.exec(s);
    if (!match) throw new ThresholdError(`Invalid threshold "${text}"`);
    return Number(match[1]) * SECONDS_PER[match[2]];
  };
  const colon = range.indexOf(':');
  const [lowText, highText] =
    colon < 0 ? ['0', range] : [range.slice(0, colon), range.slice(colon + 1)];
  if (colon < 0 && range === '') throw new ThresholdError(`Invalid threshold "${text}"`);
  const low = lowText === '~' ? -Infinity : number(lowText, 0);
  const high = number(highText, Infinity);
  if (low > high) throw new ThresholdError(`Invalid threshold "${text}": start above end`);
  // Perfdata carries the range in the value's own unit (seconds), not `26h`.
  const plain = text.replace(/(\d+(?:\.\d+)?)([smhd])/g, (_, n: string, unit: string) =>
    String(Number(n) * SECONDS_PER[unit]),
  );
  return { text: plain, low, high, inside };
}

/** Whether `value` should alert under `threshold`. */
export function breaches(threshold: Threshold, value: number): boolean {
  const within = value >= threshold.low && value <= threshold.high;
  return threshold.inside ? within : !within;
}

export interface Thresholds {
  warning?: Threshold;
  critical?: Threshold;
}

/** CRITICAL when the critical threshold fires (it wins over warning), else WARNING, else OK. */
export function statusOf(value: number, thresholds: Thresholds): CheckStatusName {
  if (thresholds.critical && breaches(thresholds.critical, value)) return 'CRITICAL';
  if (thresholds.warning && breaches(thresholds.warning, value)) return 'WARNING';
  return 'OK';
}

/** The worse of several statuses (UNKNOWN ranks between WARNING and CRITICAL, as plugins do). */
export function worst(...statuses: CheckStatusName[]): CheckStatusName {
  const rank: Record<CheckStatusName, number> = { OK: 0, WARNING: 1, UNKNOWN: 2, CRITICAL: 3 };
  return statuses.reduce((a, b) => (rank[b] > rank[a] ? b : a), 'OK');
}

export interface Perfdata {
  label: string;
  value: number;
  /** `s`, `B`, `%`, `c` (a counter) or nothing. */
  uom?: string;
  thresholds?: Thresholds;
  min?: number;
  max?: number;
}

/** `'label'=value[uom];[warn];[crit];[min];[max]`, trailing empty fields dropped. */
export function formatPerfdata(p: Perfdata): string {
  const label = /^[A-Za-z0-9_.-]+$/.test(p.label) ? p.label : `'${p.label.replace(/'/g, "''")}'`;
  const value = Number.isInteger(p.value) ? String(p.value) : p.value.toFixed(3);
  const fields = [
    `${value}${p.uom ?? ''}`,
    p.thresholds?.warning?.text ?? '',
    p.thresholds?.critical?.text ?? '',
    p.min === undefined ? '' : String(p.min),
    p.max === undefined ? '' : String(p.max),
  ];
  while (fields.length > 1 && fields[fields.length - 1] === '') fields.pop();
  return `${label}=${fields.join(';')}`;
}

export interface CheckResult {
  status: CheckStatusName;
  text: string;
  perfdata?: Perfdata[];
}

/** The one output line. */
export function formatCheck(result: CheckResult): string {
  const text = result.text.replace(/[\s|]+/g, ' ').trim();
  const perf = (result.perfdata ?? []).map(formatPerfdata).join(' ');
  return `${result.status} - ${text}${perf ? ` | ${perf}` : ''}`;
}

export interface CheckOptions {
  warning?: string;
  critical?: string;
}

/**
 * Declares `manage <name>` as a monitoring check: `--warning`/`--critical` (with the given
 * defaults), the one output line, and the exit status. A CriticalCondition (a process that
 * does not answer) becomes CRITICAL, any other exception UNKNOWN (the check could not run).
 */
export function registerCheck<O extends CheckOptions>(
  program: Command,
  ctx: CliContext,
  spec: {
    name: string;
    description: string;
    defaults: { warning: string; critical: string };
    options?: (command: Command) => void;
    run: (options: O, thresholds: Thresholds) => Promise<CheckResult>;
  },
): void {
  const command = program
    .command(spec.name)
    .description(
      `${spec.description} (monitoring plugin: exit 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN)`,
    )
    .option(
      '-w, --warning <range>',
      'WARNING threshold (plugin range syntax)',
      spec.defaults.warning,
    )
    .option(
      '-c, --critical <range>',
      'CRITICAL threshold (plugin range syntax)',
      spec.defaults.critical,
    );
  spec.options?.(command);
  command.action(async (options: O) => {
    let result: CheckResult;
    try {
      const thresholds = {
        warning: options.warning ? parseThreshold(options.warning) : undefined,
        critical: options.critical ? parseThreshold(options.critical) : undefined,
      };
      result = await spec.run(options, thresholds);
    } catch (err) {
      const status = err instanceof CriticalCondition ? 'CRITICAL' : 'UNKNOWN';
      result = { status, text: describeError(err) };
    }
    ctx.print(false, null, formatCheck(result));
    const code = CheckStatus[result.status];
    if (code !== 0)
      throw new CommanderError(code, `check.${result.status.toLowerCase()}`, result.text);
  });
}
