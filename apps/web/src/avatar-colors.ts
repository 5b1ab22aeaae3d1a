/**
 * Backgrounds of the initials shown for people without an avatar, picked by user id. White bold
 * text on each must keep WCAG AA contrast (4.5:1): the initials are small text.
 */
export const AVATAR_COLORS = [
  '#3f7a0e',
  '#1e6bd6',
  '#b3261e',
  '#7a4bbd',
  '#a35400',
  '#007580',
  '#ad1457',
  '#5d6b00',
];

/** WCAG contrast ratio of two `#rrggbb` colours. */
export function contrastRatio(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => {
      const v = parseInt(hex.slice(i, i + 2), 16) / 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}
