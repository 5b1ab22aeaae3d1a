/** Zulip's per-topic visibility policies (`POST /user_topics`); 0 removes the user's policy. */
export const VISIBILITY_POLICIES = { inherit: 0, muted: 1, unmuted: 2, followed: 3 } as const;

export type VisibilityPolicy = (typeof VISIBILITY_POLICIES)[keyof typeof VISIBILITY_POLICIES];

/** A user's policy for one topic (`user_topics` in `/register`, the `user_topic` event). */
export interface UserTopic {
  stream_id: number;
  topic_name: string;
  /** Seconds since the epoch. */
  last_updated: number;
  visibility_policy: VisibilityPolicy;
}

/** The legacy form of a muted topic: `[stream name, topic, muted at (seconds)]`. */
export type MutedTopic = [string, string, number];

/** A user the requesting user muted, and when (seconds since the epoch). */
export interface MutedUser {
  id: number;
  timestamp: number;
}
