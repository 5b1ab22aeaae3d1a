import type { Message, RealmInfo, SelfInfo } from './model';

/** What the realm's message-editing policy lets the viewer do with a message (the server checks too). */
export function canEditContent(
  m: Message,
  self: SelfInfo,
  realm: RealmInfo,
  now = Date.now() / 1000,
): boolean {
  if (m.sender_id !== self.user_id || !realm.allowMessageEditing) return false;
  return (
    realm.editLimitSeconds === null ||
    realm.editLimitSeconds === 0 ||
    now - m.timestamp <= realm.editLimitSeconds
  );
}

/**
 * Topics (and moves): admins always; otherwise only while the organization allows editing, by
 * the sender any time, and by anyone for a message without a topic (the server's rule).
 */
export function canEditTopic(m: Message, self: SelfInfo, realm: RealmInfo): boolean {
  if (m.type !== 'stream') return false;
  if (self.is_admin) return true;
  if (!realm.allowMessageEditing) return false;
  return m.sender_id === self.user_id || m.subject === '' || m.subject === '(no topic)';
}

export function canDelete(
  m: Message,
  self: SelfInfo,
  realm: RealmInfo,
  now = Date.now() / 1000,
): boolean {
  if (self.is_admin) return true;
  if (m.sender_id !== self.user_id || !realm.allowMessageDeleting) return false;
  return (
    realm.deleteLimitSeconds === null ||
    realm.deleteLimitSeconds === 0 ||
    now - m.timestamp <= realm.deleteLimitSeconds
  );
}
