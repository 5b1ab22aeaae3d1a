import * as crypto from 'node:crypto';
import { hashPassword, verifyPassword } from './passwords';

jest.mock('node:crypto', () => {
  const actual = jest.requireActual<typeof import('node:crypto')>('node:crypto');
  return { ...actual, pbkdf2: jest.fn(actual.pbkdf2) };
});

const pbkdf2 = crypto.pbkdf2 as unknown as jest.Mock;

/** The iteration counts hashed since the last reset: what a login attempt costs. */
function hashedIterations(): number[] {
  return pbkdf2.mock.calls.map((call: unknown[]) => call[2] as number);
}

describe('verifyPassword', () => {
  beforeEach(() => pbkdf2.mockClear());

  it('accepts the right password and refuses a wrong one, hashing with the stored rounds', async () => {
    const stored = await hashPassword('correct horse', 2000);
    pbkdf2.mockClear();
    expect(await verifyPassword('correct horse', stored, 5000)).toBe(true);
    expect(await verifyPassword('wrong horse', stored, 5000)).toBe(false);
    expect(hashedIterations()).toEqual([2000, 2000]);
  });

  it.each([
    ['an unknown email or a bot (no hash)', null],
    ['an account without a usable hash', '!unusable'],
    ['a hash in a foreign format', 'md5$1$salt$abc'],
  ])('spends one full hash before refusing %s, so timing tells nothing', async (_, stored) => {
    expect(await verifyPassword('anything', stored, 3000)).toBe(false);
    expect(hashedIterations()).toEqual([3000]);
  });
});
