import { exitCodeFor, SYSEXITS } from './email-mirror.commands';

describe('manage email-mirror exit codes (what Postfix does with the email)', () => {
  it('bounce unknown addresses and unusable emails, defer what may work later', () => {
    expect(exitCodeFor(200)).toBe(SYSEXITS.ok);
    expect(exitCodeFor(404)).toBe(67);
    expect(exitCodeFor(400)).toBe(65);
    expect(exitCodeFor(413)).toBe(65);
    expect(exitCodeFor(415)).toBe(65);
    expect(exitCodeFor(403)).toBe(77);
    // Worth retrying: overload, failures, a proxy in between, a wrong secret being fixed.
    for (const status of [429, 500, 502, 503, 0]) expect(exitCodeFor(status)).toBe(75);
    expect(exitCodeFor(401)).toBe(78);
  });
});
