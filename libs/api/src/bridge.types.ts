/** The state of a bridge's connection to its remote network (IRC, XMPP...). */
export const BRIDGE_REMOTE_STATES = ['connected', 'connecting', 'disconnected', 'stopped'] as const;
export type BridgeRemoteState = (typeof BRIDGE_REMOTE_STATES)[number];

/** One remote channel or room a bridge mirrors, and the stream (and topic) it maps to. */
export interface BridgeMapping {
  /** `#channel` on IRC, `room@conference.example.com` on XMPP. */
  remote: string;
  stream: string;
  /** Set when only this topic is mirrored. */
  topic?: string;
  /** The bridge is in the channel right now. */
  joined: boolean;
}

/** A bridge's newest health report, as `GET /bridges` lists it (times in Unix seconds). */
export interface BridgeHealthReport {
  bot_id: number;
  bot_email: string;
  bot_full_name: string;
  protocol: string;
  remote_state: BridgeRemoteState;
  chat_connected: boolean;
  queue_to_chat: number;
  queue_to_remote: number;
  last_message_to_chat: number | null;
  last_message_to_remote: number | null;
  mappings: BridgeMapping[];
  /** How often the bridge reports, in seconds. */
  report_interval: number;
  reported_at: number;
  /** No report for more than two intervals: the bridge is stopped, stuck or cut off. */
  stale: boolean;
}
