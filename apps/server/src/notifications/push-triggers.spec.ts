import { MessageFlag } from '../messages/flags';
import { TopicPolicy } from './email-triggers';
import { pushTrigger } from './push-triggers';

const ON = {
  enable_offline_push_notifications: true,
  wildcard_mentions_notify: true,
  enable_followed_topic_wildcard_mentions_notify: true,
  // Email settings never decide a push.
  enable_offline_email_notifications: false,
  enable_stream_email_notifications: true,
};

const subscribed = {
  is_muted: false,
  email_notifications: true,
  wildcard_mentions_notify: null,
};

describe('which messages are pushed to a user away', () => {
  it('pushes DMs and personal mentions when offline push notifications are on', () => {
    const dm = { isDirect: true, flags: 0, subscription: null, topicPolicy: 0 };
    expect(pushTrigger(dm, ON, true)).toBe('direct_message');
    expect(pushTrigger(dm, { ...ON, enable_offline_push_notifications: false }, true)).toBeNull();
    const mention = {
      isDirect: false,
      flags: MessageFlag.mentioned,
      subscription: subscribed,
      topicPolicy: 0,
    };
    expect(pushTrigger(mention, ON, true)).toBe('mentioned');
  });

  it('pushes wildcard mentions as wildcard_mentions_notify allows, never from a muted topic', () => {
    const wildcard = {
      isDirect: false,
      flags: MessageFlag.wildcard_mentioned,
      subscription: subscribed,
      topicPolicy: 0,
    };
    expect(pushTrigger(wildcard, ON, true)).toBe('wildcard_mentioned');
    expect(pushTrigger(wildcard, { ...ON, wildcard_mentions_notify: false }, true)).toBeNull();
    expect(pushTrigger({ ...wildcard, topicPolicy: TopicPolicy.muted }, ON, true)).toBeNull();
  });

  it('pushes to a user active elsewhere only with enable_online_push_notifications', () => {
    const dm = { isDirect: true, flags: 0, subscription: null, topicPolicy: 0 };
    const online = { ...ON, enable_online_push_notifications: true };
    expect(pushTrigger(dm, online, false)).toBe('direct_message');
    expect(
      pushTrigger(dm, { ...online, enable_online_push_notifications: false }, false),
    ).toBeNull();
    // Away, the online setting does not matter.
    expect(pushTrigger(dm, { ...online, enable_online_push_notifications: false }, true)).toBe(
      'direct_message',
    );
    // Active elsewhere, the offline setting still decides whether DMs are pushed at all.
    expect(
      pushTrigger(dm, { ...online, enable_offline_push_notifications: false }, false),
    ).toBeNull();
  });

  it('never pushes a plain stream message (even with stream emails on) or one already read', () => {
    const plain = { isDirect: false, flags: 0, subscription: subscribed, topicPolicy: 0 };
    expect(pushTrigger(plain, ON, true)).toBeNull();
    expect(pushTrigger({ ...plain, topicPolicy: TopicPolicy.followed }, ON, true)).toBeNull();
    const readDm = { isDirect: true, flags: MessageFlag.read, subscription: null, topicPolicy: 0 };
    expect(pushTrigger(readDm, ON, true)).toBeNull();
  });
});
