/** A scheduled message as Zulip's scheduled-messages API and events carry it. */
export interface ScheduledMessage {
  scheduled_message_id: number;
  type: 'stream' | 'private';
  /** The stream's id for `stream`, the recipients' ids for `private`. */
  to: number | number[];
  /** Only for stream messages. */
  topic?: string;
  content: string;
  rendered_content: string;
  /** When it is to be sent, in seconds since the epoch. */
  scheduled_delivery_timestamp: number;
  /** Whether the server tried to send it at its time and could not. */
  failed: boolean;
}
