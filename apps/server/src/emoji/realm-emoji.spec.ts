import { checkEmojiName } from './realm-emoji.service';

describe("custom emoji names (Zulip's rules)", () => {
  it('accepts lower-case letters, digits, dashes and underscores', () => {
    for (const name of ['party_parrot', 'thumbs-up-2', 'a', '100']) {
      expect(() => checkEmojiName(name)).not.toThrow();
    }
  });

  it.each([
    ['', 'Emoji name is missing'],
    ['Party', 'Invalid characters in emoji name'],
    ['with space', 'Invalid characters in emoji name'],
    ['../x', 'Invalid characters in emoji name'],
    ['ends_', 'Emoji names must end with either a letter or digit.'],
    ['ends-', 'Emoji names must end with either a letter or digit.'],
    ['x'.repeat(61), 'Emoji name is too long'],
  ])('refuses %j', (name, message) => {
    expect(() => checkEmojiName(name)).toThrow(message);
  });
});
