import { conversationKey, type Message } from './model';

export type FeedRow =
  | { kind: 'date'; key: string; day: string; timestamp: number }
  | { kind: 'recipient'; key: string; message: Message }
  | { kind: 'message'; key: string; message: Message; showSender: boolean };

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** The local calendar day of a timestamp (seconds), as YYYY-MM-DD. */
export function dayOf(timestamp: number, timeZone?: string): string {
  // Making a formatter costs far more than using one: the feed asks for every message.
  let format = dayFormats.get(timeZone ?? '');
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    dayFormats.set(timeZone ?? '', format);
  }
  return format.format(new Date(timestamp * 1000));
}

/** A sender's consecutive messages share one header unless this much time passes between them. */
const SENDER_GROUP_SECONDS = 10 * 60;

/**
 * The rows of the feed, as Zulip draws it: a date line when the day changes, a recipient bar
 * (stream › topic, or the people of a DM) whenever the conversation changes, and the sender's name
 * and avatar only on the first of their consecutive messages.
 */
export function buildRows(messages: Message[], selfId: number, timeZone?: string): FeedRow[] {
  const rows: FeedRow[] = [];
  let lastDay = '';
  let lastConversation = '';
  let lastSender = -1;
  let lastTime = 0;
  for (const message of messages) {
    const day = dayOf(message.timestamp, timeZone);
    const conversation = conversationKey(message, selfId);
    let newBlock = false;
    if (day !== lastDay) {
      rows.push({ kind: 'date', key: `d${message.id}`, day, timestamp: message.timestamp });
      lastDay = day;
      newBlock = true;
    }
    if (newBlock || conversation !== lastConversation) {
      rows.push({ kind: 'recipient', key: `r${message.id}`, message });
      lastConversation = conversation;
      newBlock = true;
    }
    const showSender =
      newBlock ||
      message.sender_id !== lastSender ||
      message.timestamp - lastTime > SENDER_GROUP_SECONDS;
    rows.push({ kind: 'message', key: `m${message.id}`, message, showSender });
    lastSender = message.sender_id;
    lastTime = message.timestamp;
  }
  return rows;
}
