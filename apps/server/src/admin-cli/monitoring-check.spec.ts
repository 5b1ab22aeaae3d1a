import { CommanderError } from 'commander';
import {
  CheckUsageError,
  formatCheck,
  parseDuration,
  runCheck,
  thresholdState,
} from './monitoring-check';

describe('the monitoring-plugin contract of the check commands', () => {
  it('prints one line: state, text, then perfdata with empty trailing fields left off', () => {
    expect(
      formatCheck({
        state: 'WARNING',
        text: 'backup is old\nvery | old',
        perf: [
          { label: 'age', value: 7200, uom: 's', warn: 3600, crit: 93600, min: 0 },
          { label: 'size', value: 10, uom: 'B', min: 0 },
          { label: 'backups', value: 2 },
          { label: 'odd label', value: 1 },
        ],
      }),
    ).toBe(
      "WARNING - backup is old very old | age=7200s;3600;93600;0 size=10B;;;0 backups=2 'odd label'=1",
    );
    expect(formatCheck({ state: 'OK', text: 'fine' })).toBe('OK - fine');
  });

  it('reads durations in seconds, minutes, hours and days', () => {
    expect(parseDuration('90', '--x')).toBe(90);
    expect(parseDuration('90s', '--x')).toBe(90);
    expect(parseDuration('30m', '--x')).toBe(1800);
    expect(parseDuration('26h', '--x')).toBe(93600);
    expect(parseDuration('1.5d', '--x')).toBe(129600);
    expect(() => parseDuration('soon', '--max-age')).toThrow(
      new CheckUsageError('--max-age takes a duration like 90s, 30m, 26h or 2d'),
    );
  });

  it('grades a value against its thresholds, more being worse', () => {
    expect(thresholdState(5, 10, 20)).toBe('OK');
    expect(thresholdState(15, 10, 20)).toBe('WARNING');
    expect(thresholdState(25, 10, 20)).toBe('CRITICAL');
    expect(thresholdState(25, undefined, 20)).toBe('CRITICAL');
    expect(thresholdState(25)).toBe('OK');
  });

  it('ends with the exit status of the state; a failing check is UNKNOWN (3)', async () => {
    const lines: string[] = [];
    await runCheck(
      (l) => lines.push(l),
      async () => ({ state: 'OK', text: 'fine' }),
    );
    for (const [state, status] of [
      ['WARNING', 1],
      ['CRITICAL', 2],
    ] as const) {
      await expect(
        runCheck(
          (l) => lines.push(l),
          async () => ({ state, text: 'x' }),
        ),
      ).rejects.toEqual(expect.objectContaining({ exitCode: status }));
    }
    const failed = runCheck(
      (l) => lines.push(l),
      async () => {
        throw new CheckUsageError('--dir is not a directory');
      },
    );
    await expect(failed).rejects.toBeInstanceOf(CommanderError);
    await expect(failed).rejects.toEqual(expect.objectContaining({ exitCode: 3 }));
    expect(lines).toEqual([
      'OK - fine',
      'WARNING - x',
      'CRITICAL - x',
      'UNKNOWN - --dir is not a directory',
    ]);
  });
});
