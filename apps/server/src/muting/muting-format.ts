import type { MutedTopic, MutedUser, UserTopic } from '@hub/api/muting.types';
import { VISIBILITY_POLICIES } from '@hub/api/muting.types';
import type { MutedUserRow, UserTopicRow } from './muting.repository';

const seconds = (d: Date) => Math.floor(new Date(d).getTime() / 1000);

export function toUserTopic(row: UserTopicRow): UserTopic {
  return {
    stream_id: row.stream_id,
    topic_name: row.topic_name,
    last_updated: seconds(row.last_updated),
    visibility_policy: row.visibility_policy,
  };
}

/** The legacy `muted_topics` list: only the muted ones, as `[stream, topic, time]`. */
export function toMutedTopics(rows: UserTopicRow[]): MutedTopic[] {
  return rows
    .filter((r) => r.visibility_policy === VISIBILITY_POLICIES.muted)
    .map((r) => [r.stream_name, r.topic_name, seconds(r.last_updated)]);
}

export function toMutedUsers(rows: MutedUserRow[]): MutedUser[] {
  return rows.map((r) => ({ id: r.muted_user_id, timestamp: seconds(r.date_muted) }));
}
