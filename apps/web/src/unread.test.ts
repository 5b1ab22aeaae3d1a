import { describe, expect, it } from 'vitest';
import { fromApi } from './model';
import { UnreadIndex } from './unread';
import type { Message as ApiMessage } from '../../../libs/client/src/types';

function streamMessage(id: number, streamId: number, topic: string, flags: string[] = []) {
  return fromApi(
    {
      id,
      type: 'stream',
      stream_id: streamId,
      subject: topic,
      display_recipient: 'x',
      sender_id: 2,
      flags,
    } as unknown as ApiMessage,
    1,
  );
}

describe('UnreadIndex', () => {
  it('counts the register summary per stream, topic, DM and mention', () => {
    const index = UnreadIndex.fromSummary(
      {
        streams: [
          { stream_id: 4, topic: 'Deploy', unread_message_ids: [10, 11] },
          { stream_id: 5, topic: 'x', unread_message_ids: [12] },
        ],
        pms: [{ other_user_id: 2, unread_message_ids: [13] }],
        huddles: [{ user_ids_string: '1,2,3', unread_message_ids: [14] }],
        mentions: [11, 13],
      },
      1,
    );
    const counts = index.counts();
    expect(counts.total).toBe(5);
    expect(counts.streams.get(4)).toBe(2);
    expect(counts.conversations.get('stream:4:deploy')).toBe(2);
    expect(counts.conversations.get('dm:2')).toBe(1);
    expect(counts.conversations.get('dm:2,3')).toBe(1);
    expect(counts.dms).toBe(2);
    expect(counts.mentions).toBe(2);
  });

  it('drops counts as messages are read, and follows moved messages', () => {
    const index = new UnreadIndex();
    index.add(streamMessage(1, 4, 'a'), 1);
    index.add(streamMessage(2, 4, 'a', ['mentioned']), 1);
    index.remove([1]);
    expect(index.counts().streams.get(4)).toBe(1);
    index.move([2], 6, 'b');
    expect(index.counts().conversations.get('stream:6:b')).toBe(1);
    expect(index.counts().mentions).toBe(1);
    expect(index.firstIn(['stream:6:b'])).toEqual({ key: 'stream:6:b', id: 2 });
  });
});
