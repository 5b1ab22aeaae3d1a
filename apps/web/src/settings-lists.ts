import type { ZulipEvent } from '../../../libs/client/src/types';
import type { UserStatus } from '@hub/api/event.types';
import { VISIBILITY_POLICIES, type MutedUser, type UserTopic } from '@hub/api/muting.types';
import type { CustomProfileField as ProfileField } from '@hub/api/profile-field.types';

export type { ProfileField, UserStatus, UserTopic };

/** The lists the settings pages show, from the initial state and kept current by events. */
export interface SettingsLists {
  alertWords: string[];
  mutedUsers: MutedUser[];
  userTopics: UserTopic[];
  /** By user id (as a string, as the server sends it). */
  userStatus: Record<string, UserStatus>;
  profileFields: ProfileField[];
  defaultStreamIds: number[];
}

export const MUTED_TOPIC = VISIBILITY_POLICIES.muted;

export function emptyLists(): SettingsLists {
  return {
    alertWords: [],
    mutedUsers: [],
    userTopics: [],
    userStatus: {},
    profileFields: [],
    defaultStreamIds: [],
  };
}

const streamIds = (streams: unknown): number[] =>
  ((streams as Array<{ stream_id: number }> | undefined) ?? []).map((s) => s.stream_id);

const byOrder = (fields: ProfileField[]): ProfileField[] =>
  [...fields].sort((a, b) => a.order - b.order);

export function listsFromState(state: Record<string, unknown>): SettingsLists {
  return {
    alertWords: (state.alert_words as string[] | undefined) ?? [],
    mutedUsers: (state.muted_users as SettingsLists['mutedUsers'] | undefined) ?? [],
    userTopics: (state.user_topics as UserTopic[] | undefined) ?? [],
    userStatus: (state.user_status as Record<string, UserStatus> | undefined) ?? {},
    profileFields: byOrder((state.custom_profile_fields as ProfileField[] | undefined) ?? []),
    defaultStreamIds: streamIds(state.realm_default_streams),
  };
}

/** The lists after one event (`alert_words`, `muted_users`, `user_topic`, …). */
export function applyListEvent(lists: SettingsLists, e: ZulipEvent): SettingsLists {
  switch (e.type) {
    case 'alert_words':
      return { ...lists, alertWords: (e.alert_words as string[]) ?? [] };
    case 'muted_users':
      return { ...lists, mutedUsers: (e.muted_users as SettingsLists['mutedUsers']) ?? [] };
    case 'user_topic': {
      const topic = e as unknown as UserTopic;
      const others = lists.userTopics.filter(
        (t) =>
          t.stream_id !== topic.stream_id ||
          t.topic_name.toLowerCase() !== topic.topic_name.toLowerCase(),
      );
      const { stream_id, topic_name, last_updated, visibility_policy } = topic;
      return {
        ...lists,
        userTopics:
          visibility_policy === VISIBILITY_POLICIES.inherit
            ? others
            : [...others, { stream_id, topic_name, last_updated, visibility_policy }],
      };
    }
    case 'user_status': {
      const key = String(e.user_id);
      const fresh: UserStatus = { ...lists.userStatus[key] };
      for (const field of ['away', 'status_text', 'emoji_name', 'emoji_code', 'reaction_type'])
        if (e[field] !== undefined) Object.assign(fresh, { [field]: e[field] });
      return { ...lists, userStatus: { ...lists.userStatus, [key]: fresh } };
    }
    case 'custom_profile_fields':
      return { ...lists, profileFields: byOrder((e.fields as ProfileField[]) ?? []) };
    case 'default_streams':
      return { ...lists, defaultStreamIds: streamIds(e.default_streams) };
    default:
      return lists;
  }
}
