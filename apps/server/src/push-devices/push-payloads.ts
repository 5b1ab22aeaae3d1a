import { decodeHtmlEntities } from '@hub/markdown/html';
/**
 * The notifications Zulip's mobile apps understand, built as Zulip's server builds them for its
 * push bouncer: one payload for Apple's service (APNs: an alert plus the Zulip data under
 * `custom.zulip`) and one for Google's (FCM: flat data, with its delivery options).
 */

/** Why a user is notified of a message (Zulip's trigger names, as emails use them). */
export type PushTrigger =
  'direct_message' | 'mentioned' | 'wildcard_mentioned' | 'wildcard_mentioned_in_followed_topic';

/** The person notified, and where their account lives. */
export interface PushRecipient {
  /** EXTERNAL_HOST: lets an app logged in to several servers tell them apart. */
  server: string;
  userId: number;
  realmId: number;
  realmUrl: string;
  realmName: string;
}

/** A message as a notification shows it. */
export interface PushMessage {
  id: number;
  senderId: number;
  senderEmail: string;
  senderFullName: string;
  /** Absolute: the app fetches it from outside. */
  senderAvatarUrl: string;
  /** Seconds since the epoch. */
  time: number;
  renderedContent: string;
  stream: { id: number; name: string; topic: string } | null;
  /** A DM conversation: everyone in it (the recipient included), by id and by name. */
  dm: { userIds: number[]; fullNames: string[] } | null;
}

export type JsonObject = { [key: string]: JsonValue };
export type JsonValue = string | number | boolean | null | JsonValue[] | JsonObject;

/** What the bouncer forwards: the APNs payload, the FCM data and the FCM options. */
export interface PushPayloads {
  apns: JsonObject;
  gcm: JsonObject;
  gcmOptions: { priority: 'high' | 'normal' };
}

/** Longest text a notification carries (Zulip's), then an ellipsis. */
const MAX_CONTENT = 200;
/** APNs payloads are limited to 4 KB: a remove names at most this many (the newest) messages. */
export const MAX_REMOVE_IDS = 200;

/** The fields every payload carries, so the app knows which account it is for. */
export function basePayload(to: PushRecipient): JsonObject {
  return {
    server: to.server,
    realm_id: to.realmId,
    realm_uri: to.realmUrl,
    realm_url: to.realmUrl,
    realm_name: to.realmName,
    user_id: to.userId,
  };
}

function attribute(tag: string, name: string): string | undefined {
  const match = new RegExp(`\\s${name}="([^"]*)"`, 'i').exec(tag);
  return match ? decodeHtmlEntities(match[1]) : undefined;
}

/** Text of an HTML fragment: emoji as their characters, images as their alt text. */
function textOf(html: string): string {
  const withEmoji = html.replace(
    /<span [^>]*class="[^"]*\bemoji-([0-9a-f]+(?:-[0-9a-f]+)*)\b[^"]*"[^>]*>[\s\S]*?<\/span>/gi,
    (_m, code: string) =>
      code
        .split('-')
        .map((c) => String.fromCodePoint(parseInt(c, 16)))
        .join(''),
  );
  const withImages = withEmoji.replace(/<img\b[^>]*>/gi, (tag) => attribute(tag, 'alt') ?? '');
  return decodeHtmlEntities(withImages.replace(/<[^>]*>/g, ''));
}

/**
 * A message's rendered HTML as the plain text a notification shows: quotes as `> ` lines, emoji
 * as characters, images as their alt text, no markup.
 */
export function pushContent(renderedContent: string): string {
  const quoted = renderedContent.replace(
    /<blockquote>([\s\S]*?)<\/blockquote>/gi,
    (_m, inner: string) =>
      textOf(inner)
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line) => `> ${line}\n`)
        .join(''),
  );
  return textOf(quoted).trim();
}

/** The text cut to what a notification holds, and whether it was cut. */
export function truncateContent(content: string): [string, boolean] {
  const chars = [...content];
  if (chars.length <= MAX_CONTENT) return [content, false];
  return [`${chars.slice(0, MAX_CONTENT).join('')}…`, true];
}

/** A group DM: more than two people in it. */
function isGroupDm(message: PushMessage): boolean {
  return message.dm !== null && message.dm.userIds.length > 2;
}

/** The data both platforms get about a message. */
function messageData(to: PushRecipient, message: PushMessage): JsonObject {
  const data: JsonObject = {
    ...basePayload(to),
    sender_id: message.senderId,
    sender_email: message.senderEmail,
    time: message.time,
  };
  if (message.stream) {
    data.recipient_type = 'stream';
    data.stream = message.stream.name;
    data.stream_id = message.stream.id;
    data.topic = message.stream.topic;
  } else {
    data.recipient_type = 'private';
    if (message.dm && isGroupDm(message)) {
      data.pm_users = [...message.dm.userIds].sort((a, b) => a - b).join(',');
    }
  }
  return data;
}

/** The first bold line on iOS: the conversation. */
function apnsTitle(message: PushMessage): string {
  if (message.stream) return `#${message.stream.name} > ${message.stream.topic}`;
  if (message.dm && isGroupDm(message)) return [...message.dm.fullNames].sort().join(', ');
  return message.senderFullName;
}

/** The second bold line on iOS: who, and why it concerns the reader. */
function apnsSubtitle(message: PushMessage, trigger: PushTrigger): string {
  if (trigger === 'mentioned') return `${message.senderFullName} mentioned you:`;
  if (trigger === 'wildcard_mentioned' || trigger === 'wildcard_mentioned_in_followed_topic') {
    return `${message.senderFullName} mentioned everyone:`;
  }
  if (!message.stream && !isGroupDm(message)) return '';
  return `${message.senderFullName}:`;
}

/** The notification of a new message. */
export function messagePayloads(
  to: PushRecipient,
  message: PushMessage,
  trigger: PushTrigger,
): PushPayloads {
  const [content, truncated] = truncateContent(pushContent(message.renderedContent));
  const data = messageData(to, message);
  return {
    apns: {
      alert: { title: apnsTitle(message), subtitle: apnsSubtitle(message, trigger), body: content },
      sound: 'default',
      badge: 0,
      custom: { zulip: { ...data, message_ids: [message.id] } },
    },
    gcm: {
      ...data,
      event: 'message',
      // `message_id` is reserved by FCM.
      zulip_message_id: message.id,
      content,
      content_truncated: truncated,
      sender_full_name: message.senderFullName,
      sender_avatar_url: message.senderAvatarUrl,
    },
    gcmOptions: { priority: 'high' },
  };
}

/**
 * The notification that takes notifications of messages now read off the device: the newest
 * MAX_REMOVE_IDS of them (older ones were most likely dismissed already).
 */
export function removePayloads(to: PushRecipient, messageIds: number[]): PushPayloads {
  const ids = [...messageIds].sort((a, b) => a - b).slice(-MAX_REMOVE_IDS);
  const joined = ids.join(',');
  return {
    apns: {
      badge: 0,
      custom: { zulip: { ...basePayload(to), event: 'remove', zulip_message_ids: joined } },
    },
    gcm: {
      ...basePayload(to),
      event: 'remove',
      zulip_message_ids: joined,
      // Apps from before 2019 read only this one.
      zulip_message_id: ids[0],
    },
    gcmOptions: { priority: 'normal' },
  };
}
