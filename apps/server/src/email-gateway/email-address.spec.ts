import {
  addressNamePart,
  decodeChannelAddress,
  encodeChannelAddress,
  matchesPattern,
  NO_OPTIONS,
} from './email-address';

const PATTERN = '%s@streams.example.com';
const TOKEN = '0123456789abcdef0123456789abcdef';

describe('channel email addresses', () => {
  it('name the channel and carry its token, like Zulip', () => {
    expect(encodeChannelAddress(PATTERN, 'general', TOKEN)).toBe(
      `general.${TOKEN}@streams.example.com`,
    );
    expect(encodeChannelAddress(PATTERN, 'Design & Ops: 2025!', TOKEN)).toBe(
      `design-ops-2025.${TOKEN}@streams.example.com`,
    );
    expect(encodeChannelAddress('mail+%s@example.org', 'Café', TOKEN)).toBe(
      `mail+cafe.${TOKEN}@example.org`,
    );
  });

  it('leave out a name that cannot be written in ASCII rather than mangle it', () => {
    expect(addressNamePart('日本語')).toBe('');
    expect(addressNamePart('ops 日本')).toBe('');
    expect(encodeChannelAddress(PATTERN, 'Ελληνικά', TOKEN)).toBe(`${TOKEN}@streams.example.com`);
  });

  it('append the flags in a fixed order', () => {
    expect(
      encodeChannelAddress(PATTERN, 'dev', TOKEN, { preferHtml: true, showSender: true }),
    ).toBe(`dev.${TOKEN}.show-sender.prefer-html@streams.example.com`);
  });

  it('decode to the token and flags, whatever the separator or case', () => {
    expect(decodeChannelAddress(PATTERN, `dev.${TOKEN}@streams.example.com`)).toEqual({
      token: TOKEN,
      options: NO_OPTIONS,
    });
    expect(
      decodeChannelAddress(
        PATTERN,
        `Dev+${TOKEN.toUpperCase()}+show-sender+include-footer@Streams.Example.com`,
      ),
    ).toEqual({
      token: TOKEN,
      options: { ...NO_OPTIONS, showSender: true, includeFooter: true },
    });
    expect(
      decodeChannelAddress(PATTERN, `${TOKEN}.include-quotes.prefer-html@streams.example.com`),
    ).toEqual({ token: TOKEN, options: { ...NO_OPTIONS, includeQuotes: true, preferHtml: true } });
  });

  it('round-trip every combination of flags', () => {
    const flags = ['showSender', 'includeFooter', 'includeQuotes', 'preferHtml'] as const;
    for (let mask = 0; mask < 16; mask++) {
      const options = { ...NO_OPTIONS };
      flags.forEach((flag, i) => (options[flag] = (mask & (1 << i)) !== 0));
      const address = encodeChannelAddress(PATTERN, 'team chat', TOKEN, options);
      expect(decodeChannelAddress(PATTERN, address)).toEqual({ token: TOKEN, options });
    }
  });

  it('refuse addresses that are not the gateway’s or carry no valid token', () => {
    expect(decodeChannelAddress(PATTERN, `dev.${TOKEN}@elsewhere.example.com`)).toBeUndefined();
    expect(decodeChannelAddress(PATTERN, `dev.${TOKEN}@streams.example.com.evil`)).toBeUndefined();
    expect(decodeChannelAddress(PATTERN, 'dev.not-a-token@streams.example.com')).toBeUndefined();
    expect(decodeChannelAddress(PATTERN, `a.b.${TOKEN}@streams.example.com`)).toBeUndefined();
    expect(decodeChannelAddress(PATTERN, '@streams.example.com')).toBeUndefined();
    expect(matchesPattern(PATTERN, 'whatever@streams.example.com')).toBe(true);
    expect(matchesPattern(PATTERN, 'whatever@example.com')).toBe(false);
  });
});
