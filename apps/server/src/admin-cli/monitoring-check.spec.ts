import {
  breaches,
  formatCheck,
  parseThreshold,
  statusOf,
  ThresholdError,
  worst,
} from './monitoring-check';

describe('monitoring-plugin thresholds and output', () => {
  it('reads the plugin range syntax', () => {
    const outside10 = parseThreshold('10');
    expect([breaches(outside10, 10), breaches(outside10, 11), breaches(outside10, -1)]).toEqual([
      false,
      true,
      true,
    ]);
    expect(breaches(parseThreshold('10:'), 9)).toBe(true);
    expect(breaches(parseThreshold('10:'), 1e9)).toBe(false);
    expect(breaches(parseThreshold('~:10'), -1e9)).toBe(false);
    expect(breaches(parseThreshold('~:10'), 10.5)).toBe(true);
    expect(breaches(parseThreshold('5:10'), 4)).toBe(true);
    expect(breaches(parseThreshold('@5:10'), 7)).toBe(true);
    expect(breaches(parseThreshold('@5:10'), 11)).toBe(false);
    expect(breaches(parseThreshold('0.5'), 0.6)).toBe(true);
    expect(parseThreshold('26h')).toMatchObject({ text: '93600', low: 0, high: 93600 });
    expect(parseThreshold('30m:2d')).toMatchObject({ text: '1800:172800', low: 1800 });
    for (const bad of ['', 'ten', '10:5', '1:2:3', '@', '5y']) {
      expect(() => parseThreshold(bad)).toThrow(ThresholdError);
    }
  });

  it('lets both thresholds fire, the critical one winning', () => {
    const thresholds = { warning: parseThreshold('5'), critical: parseThreshold('10') };
    expect([3, 7, 12].map((v) => statusOf(v, thresholds))).toEqual(['OK', 'WARNING', 'CRITICAL']);
    expect(statusOf(12, { warning: parseThreshold('5') })).toBe('WARNING');
    expect(worst('OK', 'UNKNOWN', 'WARNING')).toBe('UNKNOWN');
    expect(worst('UNKNOWN', 'CRITICAL')).toBe('CRITICAL');
  });

  it('prints one line: status, text without pipes or newlines, perfdata', () => {
    const warning = parseThreshold('5');
    expect(
      formatCheck({
        status: 'WARNING',
        text: 'slow | very\nslow',
        perfdata: [
          { label: 'time', value: 6.25, uom: 's', thresholds: { warning }, min: 0 },
          { label: 'queue depth', value: 3 },
        ],
      }),
    ).toBe("WARNING - slow very slow | time=6.250s;5;;0 'queue depth'=3");
    expect(formatCheck({ status: 'OK', text: 'fine' })).toBe('OK - fine');
  });
});
