import { describe, expect, it } from 'vitest';
import type { Message, RealmInfo, SelfInfo } from './model';
import { canDelete, canEditContent, canEditTopic } from './permissions';

const realm: RealmInfo = {
  name: 'r',
  allowMessageEditing: true,
  editLimitSeconds: 600,
  allowMessageDeleting: false,
  deleteLimitSeconds: 600,
  mandatoryTopics: false,
  maxMessageLength: 10000,
  maxTopicLength: 60,
  realmEmoji: {},
};
const me: SelfInfo = { user_id: 1, email: 'me@x', full_name: 'Me', is_admin: false };
const admin: SelfInfo = { ...me, user_id: 9, is_admin: true };
const now = 1_000_000;

function message(sender: number, subject = 'plans', age = 0): Message {
  return {
    id: 1,
    type: 'stream',
    stream_id: 5,
    subject,
    sender_id: sender,
    timestamp: now - age,
    flags: [],
    dmUserIds: [],
  } as unknown as Message;
}

describe('message permissions (as the server rules them)', () => {
  it('lets the sender edit content within the time limit only', () => {
    expect(canEditContent(message(1, 'plans', 60), me, realm, now)).toBe(true);
    expect(canEditContent(message(1, 'plans', 700), me, realm, now)).toBe(false);
    expect(canEditContent(message(2), me, realm, now)).toBe(false);
    expect(
      canEditContent(message(1, 'plans', 10 ** 6), me, { ...realm, editLimitSeconds: null }, now),
    ).toBe(true);
  });

  it('lets the sender move their topic any time, anyone fill in a missing topic, admins move anything', () => {
    expect(canEditTopic(message(1, 'plans', 10 ** 6), me, realm)).toBe(true);
    expect(canEditTopic(message(2, 'plans'), me, realm)).toBe(false);
    expect(canEditTopic(message(2, '(no topic)'), me, realm)).toBe(true);
    expect(canEditTopic(message(2, 'plans'), admin, realm)).toBe(true);
  });

  it('offers no topic edit or move to members when the organization turned editing off', () => {
    const off = { ...realm, allowMessageEditing: false };
    expect(canEditTopic(message(1), me, off)).toBe(false);
    expect(canEditTopic(message(2, '(no topic)'), me, off)).toBe(false);
    expect(canEditTopic(message(2), admin, off)).toBe(true);
  });

  it('lets members delete their own messages only when the organization allows it', () => {
    expect(canDelete(message(1), me, realm, now)).toBe(false);
    const allowed = { ...realm, allowMessageDeleting: true };
    expect(canDelete(message(1, 'plans', 60), me, allowed, now)).toBe(true);
    expect(canDelete(message(2), me, allowed, now)).toBe(false);
    expect(canDelete(message(2), admin, realm, now)).toBe(true);
  });
});
