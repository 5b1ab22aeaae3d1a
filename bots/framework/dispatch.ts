import type { IncomingMessageEvent } from './backend';
import type { BotIdentity, BotMessage } from './types';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The text after a leading mention of the bot (`@**Name**` or `@**Name|id**`, silent `@_**…**`
 * too), or null when the message does not start with one.
 */
export function stripLeadingMention(content: string, me: BotIdentity): string | null {
  const name = escapeRegExp(me.fullName);
  const pattern = new RegExp(`^\\s*@_?\\*\\*${name}(?:\\|${me.userId})?\\*\\*`);
  const match = pattern.exec(content);
  if (!match) return null;
  return content.slice(match[0].length).trim();
}

/** A direct message between exactly the sender and the bot. */
export function isOneToOneDirectMessage(
  message: IncomingMessageEvent['message'],
  me: BotIdentity,
): boolean {
  if (message.type !== 'private' || typeof message.display_recipient === 'string') return false;
  const participants = new Set(message.display_recipient.map((person) => person.id));
  return participants.size === 2 && participants.has(me.userId) && message.sender_id !== me.userId;
}

/**
 * The message the handler should see, or null when the bot must stay silent: it answers a leading
 * @-mention or a 1:1 direct message, never itself.
 */
export function messageForHandler(event: IncomingMessageEvent, me: BotIdentity): BotMessage | null {
  const { message } = event;
  if (message.sender_id === me.userId) return null;
  const query = stripLeadingMention(message.content, me);
  if (query !== null) return { ...message, content: query, full_content: message.content };
  if (isOneToOneDirectMessage(message, me)) {
    return { ...message, content: message.content.trim(), full_content: message.content };
  }
  return null;
}
