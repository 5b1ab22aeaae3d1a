import type { BridgeMessage } from '../core/types';
import { formatForRoom } from './format';

const message = (text: string, topic?: string): BridgeMessage => ({
  kind: 'message',
  text,
  topic,
  sender: { name: 'Jane Doe', remoteId: 'jane@example.com' },
  channel: 'lobby@conference.example.com',
  timestamp: 0,
});

describe('formatForRoom', () => {
  it('names the author, and the topic only when it is not the room subject', () => {
    expect(formatForRoom(message('hi', 'Planning'), 'planning')).toBe('<Jane Doe> hi');
    expect(formatForRoom(message('hi', 'Release'), 'Planning')).toBe('[Release] <Jane Doe> hi');
    expect(formatForRoom(message('hi'), undefined)).toBe('<Jane Doe> hi');
  });

  it('writes /me messages as actions', () => {
    expect(formatForRoom(message('/me waves', 'Planning'), 'Planning')).toBe('* Jane Doe waves');
  });

  it('follows a configured format', () => {
    const format = { message: '{name}: {text}', otherTopic: '{name} ({topic}): {text}' };
    expect(formatForRoom(message('hi', 'Other'), 'Planning', format)).toBe('Jane Doe (Other): hi');
  });
});
