import { MessageFlag } from '../messages/flags';
import { EmailSettings, emailTrigger, RecipientFacts, TopicPolicy } from './email-triggers';

const ZULIP_DEFAULTS: EmailSettings = {
  enable_offline_email_notifications: true,
  wildcard_mentions_notify: true,
  enable_stream_email_notifications: false,
  enable_followed_topic_email_notifications: true,
  enable_followed_topic_wildcard_mentions_notify: true,
};

const subscribed = { is_muted: false, email_notifications: null, wildcard_mentions_notify: null };

function facts(over: Partial<RecipientFacts> = {}): RecipientFacts {
  return {
    isDirect: false,
    flags: 0,
    settings: ZULIP_DEFAULTS,
    subscription: subscribed,
    topicPolicy: TopicPolicy.inherit,
    ...over,
  };
}

describe('missed-message email triggers', () => {
  it('mails DMs and mentions by default, and nothing else', () => {
    expect(emailTrigger(facts({ isDirect: true, subscription: null }))).toBe('direct_message');
    expect(emailTrigger(facts({ flags: MessageFlag.mentioned }))).toBe('mentioned');
    expect(emailTrigger(facts({ flags: MessageFlag.wildcard_mentioned }))).toBe(
      'wildcard_mentioned',
    );
    expect(emailTrigger(facts())).toBeNull();
    expect(emailTrigger(facts({ flags: MessageFlag.has_alert_word }))).toBeNull();
  });

  it('never mails a message already read (own messages, muted senders)', () => {
    const read = MessageFlag.read | MessageFlag.mentioned;
    expect(emailTrigger(facts({ flags: read }))).toBeNull();
    expect(emailTrigger(facts({ isDirect: true, flags: MessageFlag.read }))).toBeNull();
  });

  it('enable_offline_email_notifications off stops DM and mention emails', () => {
    const settings = { ...ZULIP_DEFAULTS, enable_offline_email_notifications: false };
    expect(emailTrigger(facts({ isDirect: true, settings }))).toBeNull();
    expect(emailTrigger(facts({ flags: MessageFlag.mentioned, settings }))).toBeNull();
    expect(emailTrigger(facts({ flags: MessageFlag.wildcard_mentioned, settings }))).toBeNull();
  });

  it('wildcard_mentions_notify decides wildcard mentions, the stream setting first', () => {
    const off = { ...ZULIP_DEFAULTS, wildcard_mentions_notify: false };
    const flags = MessageFlag.wildcard_mentioned;
    expect(emailTrigger(facts({ flags, settings: off }))).toBeNull();
    const streamOn = { ...subscribed, wildcard_mentions_notify: true };
    expect(emailTrigger(facts({ flags, settings: off, subscription: streamOn }))).toBe(
      'wildcard_mentioned',
    );
    const streamOff = { ...subscribed, wildcard_mentions_notify: false };
    expect(emailTrigger(facts({ flags, subscription: streamOff }))).toBeNull();
    // A personal mention is not a wildcard one: the setting does not apply.
    expect(emailTrigger(facts({ flags: MessageFlag.mentioned, settings: off }))).toBe('mentioned');
  });

  it('stream email notifications: the stream setting, else the global one; never when muted', () => {
    const on = { ...ZULIP_DEFAULTS, enable_stream_email_notifications: true };
    expect(emailTrigger(facts({ settings: on }))).toBe('stream_email_notify');
    const streamOn = { ...subscribed, email_notifications: true };
    expect(emailTrigger(facts({ subscription: streamOn }))).toBe('stream_email_notify');
    const streamOff = { ...subscribed, email_notifications: false };
    expect(emailTrigger(facts({ settings: on, subscription: streamOff }))).toBeNull();
    const muted = { ...streamOn, is_muted: true };
    expect(emailTrigger(facts({ subscription: muted }))).toBeNull();
    expect(emailTrigger(facts({ subscription: muted, topicPolicy: TopicPolicy.unmuted }))).toBe(
      'stream_email_notify',
    );
    expect(emailTrigger(facts({ subscription: streamOn, topicPolicy: TopicPolicy.muted }))).toBe(
      null,
    );
    expect(emailTrigger(facts({ settings: on, subscription: null }))).toBeNull();
  });

  it('mentions notify even in a muted topic', () => {
    expect(
      emailTrigger(facts({ flags: MessageFlag.mentioned, topicPolicy: TopicPolicy.muted })),
    ).toBe('mentioned');
  });

  it('followed topics: their own email and wildcard settings', () => {
    const followed = { topicPolicy: TopicPolicy.followed };
    expect(emailTrigger(facts(followed))).toBe('followed_topic_email_notify');
    expect(emailTrigger(facts({ ...followed, flags: MessageFlag.wildcard_mentioned }))).toBe(
      'wildcard_mentioned_in_followed_topic',
    );
    const off = { ...ZULIP_DEFAULTS, enable_followed_topic_email_notifications: false };
    expect(emailTrigger(facts({ ...followed, settings: off }))).toBeNull();
  });
});
