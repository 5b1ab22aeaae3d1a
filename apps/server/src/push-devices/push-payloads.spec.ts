import {
  basePayload,
  MAX_REMOVE_IDS,
  messagePayloads,
  pushContent,
  removePayloads,
  truncateContent,
  type PushMessage,
  type PushRecipient,
} from './push-payloads';

const TO: PushRecipient = {
  server: 'chat.example.com',
  userId: 10,
  realmId: 2,
  realmUrl: 'http://acme.chat.example.com',
  realmName: 'Acme Corp',
};

const BASE = {
  server: 'chat.example.com',
  realm_id: 2,
  realm_uri: 'http://acme.chat.example.com',
  realm_url: 'http://acme.chat.example.com',
  realm_name: 'Acme Corp',
  user_id: 10,
};

function message(extra: Partial<PushMessage> = {}): PushMessage {
  return {
    id: 45,
    senderId: 6,
    senderEmail: 'aaron@example.com',
    senderFullName: 'Aaron',
    senderAvatarUrl: 'http://acme.chat.example.com/user_avatars/2/6-1.png',
    time: 1754385395,
    renderedContent: '<p>Lunch at <strong>noon</strong>?</p>',
    stream: null,
    dm: { userIds: [6, 10], fullNames: ['Aaron', 'Zoe'] },
    ...extra,
  };
}

describe('push notification payloads', () => {
  it('name the account in every payload', () => {
    expect(basePayload(TO)).toEqual(BASE);
  });

  it('notify a 1:1 DM: the sender as title, no subtitle, the text as body', () => {
    const { apns, gcm, gcmOptions } = messagePayloads(TO, message(), 'direct_message');
    const data = {
      ...BASE,
      sender_id: 6,
      sender_email: 'aaron@example.com',
      time: 1754385395,
      recipient_type: 'private',
    };
    expect(apns).toEqual({
      alert: { title: 'Aaron', subtitle: '', body: 'Lunch at noon?' },
      sound: 'default',
      badge: 0,
      custom: { zulip: { ...data, message_ids: [45] } },
    });
    expect(gcm).toEqual({
      ...data,
      event: 'message',
      zulip_message_id: 45,
      content: 'Lunch at noon?',
      content_truncated: false,
      sender_full_name: 'Aaron',
      sender_avatar_url: 'http://acme.chat.example.com/user_avatars/2/6-1.png',
    });
    expect(gcmOptions).toEqual({ priority: 'high' });
  });

  it('notify a group DM with everyone in the title and pm_users', () => {
    const group = message({ dm: { userIds: [10, 6, 7], fullNames: ['Zoe', 'Aaron', 'Iago'] } });
    const { apns, gcm } = messagePayloads(TO, group, 'direct_message');
    expect(apns.alert).toEqual({
      title: 'Aaron, Iago, Zoe',
      subtitle: 'Aaron:',
      body: 'Lunch at noon?',
    });
    expect(gcm.pm_users).toBe('6,7,10');
    expect(gcm.recipient_type).toBe('private');
  });

  it('notify a mention in a stream with the conversation and why', () => {
    const inStream = message({ dm: null, stream: { id: 3, name: 'Denmark', topic: 'test' } });
    const mention = messagePayloads(TO, inStream, 'mentioned');
    expect(mention.apns.alert).toEqual({
      title: '#Denmark > test',
      subtitle: 'Aaron mentioned you:',
      body: 'Lunch at noon?',
    });
    expect(mention.gcm).toMatchObject({
      recipient_type: 'stream',
      stream: 'Denmark',
      stream_id: 3,
      topic: 'test',
    });
    expect(mention.gcm).not.toHaveProperty('pm_users');
    const wildcard = messagePayloads(TO, inStream, 'wildcard_mentioned');
    expect(wildcard.apns.alert).toMatchObject({ subtitle: 'Aaron mentioned everyone:' });
  });

  it('take notifications of read messages away, newest ids only', () => {
    const { apns, gcm, gcmOptions } = removePayloads(TO, [12, 5, 9]);
    expect(apns).toEqual({
      badge: 0,
      custom: { zulip: { ...BASE, event: 'remove', zulip_message_ids: '5,9,12' } },
    });
    expect(gcm).toEqual({
      ...BASE,
      event: 'remove',
      zulip_message_ids: '5,9,12',
      zulip_message_id: 5,
    });
    expect(gcmOptions).toEqual({ priority: 'normal' });
    const many = Array.from({ length: MAX_REMOVE_IDS + 50 }, (_v, i) => i + 1);
    const ids = String(removePayloads(TO, many).gcm.zulip_message_ids).split(',');
    expect(ids).toHaveLength(MAX_REMOVE_IDS);
    expect(ids[0]).toBe('51');
  });
});

describe('notification text', () => {
  it('is the rendered message without markup: emoji as characters, images as alt text', () => {
    expect(
      pushContent(
        '<p>Ship it <span aria-label="tada" class="emoji emoji-1f389" role="img" title="tada">:tada:</span> &amp; <img alt=":octocat:" src="/x.png"> &lt;now&gt;</p>',
      ),
    ).toBe('Ship it 🎉 & :octocat: <now>');
  });

  it('shows quotes as "> " lines', () => {
    expect(
      pushContent('<blockquote>\n<p>first</p>\n<p>second</p>\n</blockquote>\n<p>reply</p>'),
    ).toBe('> first\n> second\n\nreply');
  });

  it('is cut at 200 characters with an ellipsis', () => {
    expect(truncateContent('short')).toEqual(['short', false]);
    const [cut, truncated] = truncateContent('x'.repeat(250));
    expect(truncated).toBe(true);
    expect(cut).toBe(`${'x'.repeat(200)}…`);
  });
});
