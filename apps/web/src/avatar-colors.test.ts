import { describe, expect, it } from 'vitest';
import { AVATAR_COLORS, contrastRatio } from './avatar-colors';

describe('initials avatars', () => {
  it('keep white initials readable on every background (WCAG AA, 4.5:1)', () => {
    for (const color of AVATAR_COLORS) {
      expect([color, contrastRatio(color, '#ffffff') >= 4.5]).toEqual([color, true]);
    }
  });

  it('measures contrast as WCAG does', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#ffffff')).toBeCloseTo(1, 5);
  });
});
