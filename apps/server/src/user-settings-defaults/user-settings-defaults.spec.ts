import {
  checkSettings,
  effectiveDefaults,
  LEGACY_NOTIFICATION_SETTINGS,
  withPersonal,
} from './user-settings-defaults';

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

  it('checks ranges and whole numbers (the email batching period: up to a week)', () => {
    const name = 'email_notifications_batching_period_seconds';
    expect(checkSettings({ [name]: 604800 })).toEqual({ [name]: 604800 });
    expect(() => checkSettings({ [name]: 0 })).toThrow('Invalid email batching period: 0 seconds');
    expect(() => checkSettings({ [name]: 604801 })).toThrow(/Invalid email batching period/);
    expect(() => checkSettings({ [name]: 1.5 })).toThrow(`${name} is not an integer`);
  });

  it("lays a user's own choices over the realm's, ignoring stored values of the wrong type", () => {
    const defaults = effectiveDefaults({ enable_sounds: false });
    const mine = withPersonal(defaults, { enable_digest_emails: false, enable_sounds: 'x' });
    expect(mine.enable_digest_emails).toBe(false);
    expect(mine.enable_sounds).toBe(false);
    expect(mine.notification_sound).toBe('zulip');
  });

  it('gives the legacy event only to settings that existed before user_settings', () => {
    expect(LEGACY_NOTIFICATION_SETTINGS.has('enable_sounds')).toBe(true);
    expect(LEGACY_NOTIFICATION_SETTINGS.has('enable_followed_topic_push_notifications')).toBe(
      false,
    );
    expect(LEGACY_NOTIFICATION_SETTINGS.has('realm_name_in_email_notifications_policy')).toBe(
      false,
    );
  });
});
