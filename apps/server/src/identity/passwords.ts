import { pbkdf2, randomBytes, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import zxcvbn from 'zxcvbn';

const pbkdf2Async = promisify(pbkdf2);

/** OWASP's 2023 recommendation for PBKDF2-HMAC-SHA256. */
export const PBKDF2_ITERATIONS = 600_000;
const KEY_LENGTH = 32;

/** `pbkdf2_sha256$<iterations>$<salt>$<hash>`, the format Django (and so Zulip) stores. */
export async function hashPassword(
  password: string,
  iterations = PBKDF2_ITERATIONS,
): Promise<string> {
  const salt = randomBytes(16).toString('base64url');
  const hash = await pbkdf2Async(password, salt, iterations, KEY_LENGTH, 'sha256');
  return `pbkdf2_sha256$${iterations}$${salt}$${hash.toString('base64')}`;
}

/**
 * Whether `password` matches the stored hash. Without a usable hash (an unknown email, a bot, an
 * account without a password) it still spends one hash of `iterationsWhenMissing` rounds before
 * answering no, so the answer's timing does not tell which emails have accounts.
 */
export async function verifyPassword(
  password: string,
  stored: string | null,
  iterationsWhenMissing = PBKDF2_ITERATIONS,
): Promise<boolean> {
  const [algorithm, iterationsText, salt, expected] = (stored ?? '').split('$');
  const iterations = Number(iterationsText);
  if (
    algorithm !== 'pbkdf2_sha256' ||
    !salt ||
    !expected ||
    !Number.isInteger(iterations) ||
    iterations < 1
  ) {
    await pbkdf2Async(password, randomBytes(16), iterationsWhenMissing, KEY_LENGTH, 'sha256');
    return false;
  }
  const expectedBytes = Buffer.from(expected, 'base64');
  const actual = await pbkdf2Async(password, salt, iterations, expectedBytes.length, 'sha256');
  return actual.length === expectedBytes.length && timingSafeEqual(actual, expectedBytes);
}

/** Why a password is too weak, or null when it is acceptable. */
export function passwordWeakness(
  password: string,
  rules: { minLength: number; minScore: number },
  userInputs: string[] = [],
): string | null {
  if (password.length < rules.minLength) {
    return `The password is too short: use at least ${rules.minLength} characters.`;
  }
  const result = zxcvbn(password.slice(0, 100), userInputs);
  if (result.score < rules.minScore) {
    const hint =
      result.feedback.warning || result.feedback.suggestions[0] || 'it is too easy to guess';
    return `The password is too weak: ${hint.replace(/\.$/, '')}.`;
  }
  return null;
}
