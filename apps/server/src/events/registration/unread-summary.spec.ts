import { summarizeUnread } from './unread-summary';

describe('unread_msgs', () => {
  it('groups unread ids by topic, DM partner and group DM, oldest first', () => {
    const rows = [
      { id: 5, flags: 8, sender_id: 2, stream_id: 1, topic: 'News', dm_user_ids: null },
      { id: 4, flags: 0, sender_id: 2, stream_id: null, topic: '', dm_user_ids: [1, 2] },
      { id: 3, flags: 0, sender_id: 3, stream_id: null, topic: '', dm_user_ids: [1, 2, 3] },
      { id: 2, flags: 0, sender_id: 2, stream_id: 1, topic: 'news', dm_user_ids: null },
    ];
    expect(summarizeUnread(rows, 1)).toEqual({
      pms: [{ other_user_id: 2, sender_id: 2, unread_message_ids: [4] }],
      streams: [{ stream_id: 1, topic: 'news', unread_message_ids: [2, 5] }],
      huddles: [{ user_ids_string: '1,2,3', unread_message_ids: [3] }],
      mentions: [5],
      count: 4,
      old_unreads_missing: false,
    });
  });
});
