import { hashEncode, topicNarrowHref } from '@hub/markdown';
import type { OutgoingMail } from '../mail/mail.service';
import type { EmailTrigger } from './email-triggers';

/** One missed message, as the email shows it. */
export interface MissedMessage {
  id: number;
  senderName: string;
  content: string;
  trigger: EmailTrigger;
}

/** The conversation one email is about: a stream topic, or a DM conversation. */
export type Conversation =
  | { kind: 'stream'; streamId: number; streamName: string; topic: string }
  | { kind: 'direct'; userIds: number[]; otherNames: string[] };

export interface MissedMessageEmail {
  to: string;
  realmName: string;
  realmUrl: string;
  /** `realm_name_in_email_notifications_policy`, resolved: name the realm in the subject. */
  includeRealmName: boolean;
  /** `message_content_in_email_notifications`. */
  includeContent: boolean;
  conversation: Conversation;
  /** Oldest first. */
  messages: MissedMessage[];
}

const REASONS: Record<EmailTrigger, string> = {
  direct_message: 'you received direct messages',
  mentioned: 'you were mentioned',
  wildcard_mentioned_in_followed_topic: 'everyone was mentioned in a topic you follow',
  wildcard_mentioned: 'everyone was mentioned',
  followed_topic_email_notify: 'you follow this topic and have email notifications for it',
  stream_email_notify: 'you have email notifications on for this channel',
};

const NO_CONTENT =
  'This email does not include message content because you have disabled message content in email notifications.';

/** The subject Zulip uses: `#stream > topic`, `DMs with Alice`, `Group DMs with Alice and Bob`. */
export function subjectOf(conversation: Conversation): string {
  if (conversation.kind === 'stream') return `#${conversation.streamName} > ${conversation.topic}`;
  const names = conversation.otherNames;
  if (names.length <= 1) return `DMs with ${names[0] ?? 'yourself'}`;
  const list = `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  return `Group DMs with ${list}`;
}

/** Where the conversation opens in the web client. */
export function conversationUrl(realmUrl: string, conversation: Conversation): string {
  if (conversation.kind === 'stream') {
    const href = topicNarrowHref(
      { id: conversation.streamId, name: conversation.streamName },
      conversation.topic,
    );
    return `${realmUrl}${href}`;
  }
  const ids = conversation.userIds.join(',');
  const slug =
    conversation.userIds.length > 2 ? 'group' : hashEncode(conversation.otherNames[0] ?? 'dm');
  return `${realmUrl}/#narrow/dm/${ids}-${slug}`;
}

/** One plain-text mail for one conversation's missed messages. */
export function composeMissedMessageEmail(email: MissedMessageEmail): OutgoingMail {
  const subject = subjectOf(email.conversation);
  const reasons = [...new Set(email.messages.map((m) => REASONS[m.trigger]))];
  const lines: string[] = [];
  if (email.includeContent) {
    for (const message of email.messages) lines.push(`${message.senderName}:`, message.content, '');
  } else {
    const senders = [...new Set(email.messages.map((m) => m.senderName))];
    lines.push(`New messages from ${senders.join(', ')}.`, NO_CONTENT, '');
  }
  lines.push(
    `View or reply in Zulip: ${conversationUrl(email.realmUrl, email.conversation)}`,
    '',
    `You are receiving this because ${reasons.join('; ')}.`,
    `Manage these emails: ${email.realmUrl}/#settings/notifications`,
  );
  return {
    to: email.to,
    subject: email.includeRealmName ? `${subject} [${email.realmName}]` : subject,
    text: lines.join('\n'),
  };
}
