import { parseDraft } from './draft-rules';

const now = new Date('2026-01-02T03:04:05Z');

describe('parseDraft', () => {
  it('reads stream, direct and unaddressed drafts', () => {
    expect(
      parseDraft({ type: 'stream', to: [4], topic: ' plans ', content: 'hi', timestamp: 10 }, 'd'),
    ).toEqual({
      type: 'stream',
      streamId: 4,
      userIds: [],
      topic: 'plans',
      content: 'hi',
      lastEditTime: new Date(10_000),
    });
    expect(
      parseDraft({ type: 'private', to: [3, 3, 5], topic: 'x', content: 'yo' }, 'd', now),
    ).toMatchObject({ type: 'private', userIds: [3, 5], topic: '', lastEditTime: now });
    expect(parseDraft({ type: '', to: [9], topic: 't', content: 'c' }, 'd', now)).toMatchObject({
      type: '',
      streamId: null,
      userIds: [],
    });
  });

  it('cuts long topics as Zulip does', () => {
    const draft = parseDraft({ type: '', to: [], topic: 'x'.repeat(80), content: 'c' }, 'd');
    expect(draft.topic).toHaveLength(60);
    expect(draft.topic.endsWith('...')).toBe(true);
  });

  it('names what is wrong', () => {
    const bad = (raw: unknown) => () => parseDraft(raw, 'drafts[0]');
    expect(bad('text')).toThrow('Invalid drafts[0]: not a dict');
    expect(bad({ type: 'stream', to: [1], topic: '', content: 'c', color: 1 })).toThrow(
      'unexpected field "color"',
    );
    expect(bad({ type: 'dm', to: [1], topic: '', content: 'c' })).toThrow('type must be');
    expect(bad({ type: 'stream', to: ['a'], topic: '', content: 'c' })).toThrow('list of IDs');
    expect(bad({ type: 'stream', to: [1, 2], topic: '', content: 'c' })).toThrow(
      'Must specify exactly 1 channel ID for channel messages',
    );
    expect(bad({ type: 'stream', to: [1], topic: '', content: '  ' })).toThrow(
      'content must not be empty',
    );
    expect(bad({ type: '', to: [], topic: '', content: 'c', timestamp: -1 })).toThrow(
      'Timestamp must not be negative.',
    );
  });
});
