/**
 * A quick estimate of how hard a password is to guess, for the meter while it is typed. The
 * server decides (zxcvbn, with the configured minimum length and score); this only has to agree
 * with it on the obvious cases without shipping zxcvbn's dictionaries to every browser.
 */

export interface Strength {
  /** zxcvbn's scale: 0 (guessable) to 4 (very hard). */
  score: 0 | 1 | 2 | 3 | 4;
  label: string;
}

const LABELS = ['Too weak', 'Weak', 'Fair', 'Good', 'Strong'];

const COMMON = [
  'password',
  'passwort',
  'qwerty',
  'azerty',
  'letmein',
  'welcome',
  'admin',
  'iloveyou',
  'monkey',
  'dragon',
  'sunshine',
  'football',
  'zulip',
  '123456',
  'abc123',
];

/** Characters that continue a run (`aaa`, `abc`, `321`) add almost nothing. */
function effectiveLength(text: string): number {
  let length = 0;
  for (let i = 0; i < text.length; i++) {
    const step = i > 0 ? text.charCodeAt(i) - text.charCodeAt(i - 1) : NaN;
    if (Math.abs(step) <= 1) length += 0.1;
    else length += 1;
  }
  return length;
}

export function estimateStrength(password: string, userInputs: readonly string[] = []): Strength {
  let rest = password.toLowerCase();
  // Words anyone would try first (and the person's own name and email) count for little.
  const words = [
    ...COMMON,
    ...userInputs.flatMap((input) => input.toLowerCase().split(/[^a-z0-9]+/)),
  ];
  for (const word of words) {
    if (word.length >= 3 && rest.includes(word)) rest = rest.split(word).join('\u0001');
  }
  let charset = 0;
  if (/[a-z]/.test(password)) charset += 26;
  if (/[A-Z]/.test(password)) charset += 26;
  if (/[0-9]/.test(password)) charset += 10;
  if (/[^a-zA-Z0-9]/.test(password)) charset += 33;
  const log10Guesses = effectiveLength(rest) * Math.log10(Math.max(charset, 1));
  const score =
    log10Guesses < 3 ? 0 : log10Guesses < 6 ? 1 : log10Guesses < 8 ? 2 : log10Guesses < 10 ? 3 : 4;
  return { score, label: LABELS[score] };
}
