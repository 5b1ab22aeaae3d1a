import { describe, expect, it } from 'vitest';
import { changeLabel, type Message } from './model';

function message(changes: Partial<Message>): Message {
  return { id: 1, type: 'stream', subject: 't', flags: [], dmUserIds: [], ...changes } as Message;
}

describe('changeLabel', () => {
  it('says nothing of a message never changed', () => {
    expect(changeLabel(message({}))).toBeNull();
  });

  it('says "moved" when only the topic or stream changed, "edited" once the content did', () => {
    const moved = { user_id: 1, timestamp: 5, prev_topic: 'a', topic: 'b' };
    const edited = { user_id: 1, timestamp: 4, prev_rendered_content: '<p>x</p>' };
    expect(changeLabel(message({ last_edit_timestamp: 5, edit_history: [moved] }))).toBe('moved');
    expect(changeLabel(message({ last_edit_timestamp: 5, edit_history: [moved, edited] }))).toBe(
      'edited',
    );
  });

  it('counts a change without history (a server that sends none) as an edit', () => {
    expect(changeLabel(message({ last_edit_timestamp: 5 }))).toBe('edited');
  });
});
