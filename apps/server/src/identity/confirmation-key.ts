import { randomInt } from 'node:crypto';

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** A confirmation link key: 24 random lower-case alphanumerics, as Zulip's. */
export function generateConfirmationKey(): string {
  let key = '';
  for (let i = 0; i < 24; i++) key += ALPHABET[randomInt(ALPHABET.length)];
  return key;
}

export function looksLikeConfirmationKey(key: string): boolean {
  return /^[a-z0-9]{24,64}$/.test(key);
}
