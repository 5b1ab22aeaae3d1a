import type { ServiceTrigger } from './service-bot.types';

/** The parts of a sent message that decide which service bots hear about it. */
export interface TriggerSource {
  senderId: number;
  senderIsBot: boolean;
  /** Null for a direct message. */
  streamId: number | null;
  /** Every participant of a direct message (the sender included); null for a stream message. */
  dmUserIds: number[] | null;
  renderedContent: string;
  /**
   * For a private stream, who received the message (its subscribers): a bot that cannot read the
   * stream is not told about it. Null when every member may read it.
   */
  readerIds: number[] | null;
}

// Silent mentions (`@_**Name**`) render with class "user-mention silent" and do not notify.
const EXPLICIT_MENTION = /<span class="user-mention" data-user-id="(\d+)">/g;

/** Users mentioned by name in rendered content; wildcard and silent mentions are not included. */
export function explicitlyMentionedUserIds(html: string): number[] {
  const ids = new Set<number>();
  for (const match of html.matchAll(EXPLICIT_MENTION)) ids.add(Number(match[1]));
  return [...ids];
}

/**
 * Who might be triggered: mentioned users in a stream (only subscribers, for a private one), the
 * other participants of a DM. As in Zulip, messages sent by bots trigger nobody, so two service
 * bots can never loop.
 */
export function candidateBotIds(source: TriggerSource): number[] {
  if (source.senderIsBot) return [];
  const candidates =
    source.dmUserIds ??
    (source.streamId === null ? [] : explicitlyMentionedUserIds(source.renderedContent));
  const readers = source.readerIds === null ? null : new Set(source.readerIds);
  return candidates.filter((id) => id !== source.senderId && (readers?.has(id) ?? true));
}

/** Zulip's trigger for a candidate bot: `mention` in a stream, `direct_message` in a DM. */
export function triggerOf(source: TriggerSource): ServiceTrigger {
  return source.dmUserIds === null ? 'mention' : 'direct_message';
}
