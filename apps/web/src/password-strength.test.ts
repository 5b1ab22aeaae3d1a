import { describe, expect, it } from 'vitest';
import { estimateStrength } from './password-strength';

describe('estimateStrength', () => {
  it('rates common passwords, runs and repeats as weak', () => {
    expect(estimateStrength('password').score).toBe(0);
    expect(estimateStrength('123456789').score).toBe(0);
    expect(estimateStrength('aaaaaaaaaaaa').score).toBe(0);
    expect(estimateStrength('Password1').score).toBeLessThanOrEqual(1);
  });

  it('counts the person’s own name and email as easy to guess', () => {
    expect(estimateStrength('alice2024', ['Alice Liddell']).score).toBeLessThan(
      estimateStrength('alice2024').score,
    );
  });

  it('rates long and varied passwords as strong', () => {
    expect(estimateStrength('correct horse battery staple').score).toBe(4);
    expect(estimateStrength('Tr0ub4dor&3x!').score).toBeGreaterThanOrEqual(3);
    expect(estimateStrength('Tr0ub4dor&3x!').label).toMatch(/Good|Strong/);
  });
});
