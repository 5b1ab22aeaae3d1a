import { checkSettings, effectiveDefaults } from './user-settings-defaults';

describe('realm user settings defaults', () => {
  it("fills in Zulip's defaults around what the realm stored", () => {
    const all = effectiveDefaults({ enter_sends: true, emojiset: 42 });
    expect(all.enter_sends).toBe(true);
    expect(all.emojiset).toBe('google');
    expect(all.color_scheme).toBe(1);
  });

  it('checks types and allowed values', () => {
    expect(checkSettings({ enter_sends: true, color_scheme: 3, unknown: 1 })).toEqual({
      enter_sends: true,
      color_scheme: 3,
    });
    expect(() => checkSettings({ enter_sends: 'yes' })).toThrow('enter_sends is not a boolean');
    expect(() => checkSettings({ color_scheme: 7 })).toThrow('Invalid color_scheme');
    expect(() => checkSettings({ emojiset: 'apple' })).toThrow('Invalid emojiset');
  });
});
