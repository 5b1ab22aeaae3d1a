import { describe, expect, it } from 'vitest';
import { applyListEvent, emptyLists, listsFromState } from './settings-lists';

describe('settings lists', () => {
  it('reads the initial state, profile fields in their order', () => {
    const lists = listsFromState({
      alert_words: ['deploy'],
      muted_users: [{ id: 7, timestamp: 10 }],
      custom_profile_fields: [
        { id: 2, name: 'B', hint: '', type: 1, field_data: '', order: 2 },
        { id: 1, name: 'A', hint: '', type: 1, field_data: '', order: 1 },
      ],
      realm_default_streams: [{ stream_id: 4, name: 'general' }],
    });
    expect(lists.alertWords).toEqual(['deploy']);
    expect(lists.mutedUsers).toEqual([{ id: 7, timestamp: 10 }]);
    expect(lists.profileFields.map((f) => f.name)).toEqual(['A', 'B']);
    expect(lists.defaultStreamIds).toEqual([4]);
  });

  it('replaces whole lists from their events', () => {
    let lists = emptyLists();
    lists = applyListEvent(lists, { id: 1, type: 'alert_words', alert_words: ['a', 'b'] });
    lists = applyListEvent(lists, {
      id: 2,
      type: 'default_streams',
      default_streams: [{ stream_id: 9 }],
    });
    expect(lists.alertWords).toEqual(['a', 'b']);
    expect(lists.defaultStreamIds).toEqual([9]);
  });

  it('keeps one entry a topic, and drops it when its policy is back to inherit', () => {
    const topic = { stream_id: 3, topic_name: 'Lunch', last_updated: 5, visibility_policy: 1 };
    let lists = applyListEvent(emptyLists(), { id: 1, type: 'user_topic', ...topic });
    lists = applyListEvent(lists, { id: 2, type: 'user_topic', ...topic, topic_name: 'lunch' });
    expect(lists.userTopics).toHaveLength(1);
    lists = applyListEvent(lists, { id: 3, type: 'user_topic', ...topic, visibility_policy: 0 });
    expect(lists.userTopics).toEqual([]);
  });

  it('merges a status change into what the person had', () => {
    let lists = applyListEvent(emptyLists(), {
      id: 1,
      type: 'user_status',
      user_id: 5,
      status_text: 'In a meeting',
    });
    lists = applyListEvent(lists, {
      id: 2,
      type: 'user_status',
      user_id: 5,
      emoji_name: 'calendar',
      emoji_code: '1f4c6',
      reaction_type: 'unicode_emoji',
    });
    expect(lists.userStatus['5']).toEqual({
      status_text: 'In a meeting',
      emoji_name: 'calendar',
      emoji_code: '1f4c6',
      reaction_type: 'unicode_emoji',
    });
  });
});
