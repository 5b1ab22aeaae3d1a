import { isStale } from './bridge-health-rules';

describe('isStale', () => {
  const at = new Date('2026-01-01T12:00:00Z');
  const later = (seconds: number) => new Date(at.getTime() + seconds * 1000);

  it('keeps a report fresh through two intervals and a grace, then marks it stale', () => {
    expect(isStale(at, 60, later(0))).toBe(false);
    expect(isStale(at, 60, later(150))).toBe(false);
    expect(isStale(at, 60, later(151))).toBe(true);
    expect(isStale(at, 5, later(41))).toBe(true);
  });

  it('does not call a report from a clock slightly ahead stale', () => {
    expect(isStale(at, 60, later(-5))).toBe(false);
  });
});
