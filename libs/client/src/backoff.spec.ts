import { backoffDelay } from './backoff';

describe('backoffDelay', () => {
  it('doubles from the base for each retry, up to the cap', () => {
    const plain = (attempt: number) =>
      backoffDelay(attempt, { baseMs: 100, capMs: 1000, jitter: false });
    expect([1, 2, 3, 4, 5, 6].map(plain)).toEqual([100, 200, 400, 800, 1000, 1000]);
  });

  it('keeps half of the delay fixed and draws the other half at random', () => {
    const options = { baseMs: 100, capMs: 1000 };
    expect(backoffDelay(3, { ...options, random: () => 0 })).toBe(200);
    expect(backoffDelay(3, { ...options, random: () => 0.5 })).toBe(300);
    expect(backoffDelay(30, { ...options, random: () => 0 })).toBe(500);
  });
});
