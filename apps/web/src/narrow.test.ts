import { describe, expect, it } from 'vitest';
import {
  decodeHashComponent,
  encodeHashComponent,
  hashToNarrow,
  matchesNarrow,
  narrowToApi,
  narrowToHash,
  narrowToSearch,
  parseSearch,
  type Directory,
  type MatchableMessage,
} from './narrow';

const streams = new Map([
  [1, 'general'],
  [7, 'design team'],
]);
const users = new Map([
  [3, { name: 'Alice Liddell', email: 'alice@example.com' }],
  [9, { name: 'Bob', email: 'bob@example.com' }],
]);
const dir: Directory = {
  streamName: (id) => streams.get(id),
  streamId: (name) => [...streams].find(([, n]) => n.toLowerCase() === name.toLowerCase())?.[0],
  userName: (id) => users.get(id)?.name,
  userEmail: (id) => users.get(id)?.email,
  userIdByEmail: (email) => [...users].find(([, u]) => u.email === email.toLowerCase())?.[0],
};

describe('hash encoding', () => {
  it('encodes operands as Zulip does: percent escapes written with dots', () => {
    expect(encodeHashComponent('weekly sync (v1.2)')).toBe('weekly.20sync.20.28v1.2E2.29');
    expect(decodeHashComponent('weekly.20sync.20.28v1.2E2.29')).toBe('weekly sync (v1.2)');
  });

  it('writes stream/topic narrows with id-slug operands and reads them back', () => {
    const narrow = [
      { operator: 'stream', operand: '7' },
      { operator: 'topic', operand: 'logo: v2.0' },
    ];
    const hash = narrowToHash(narrow, dir);
    expect(hash).toBe('#narrow/channel/7-design-team/topic/logo.3A.20v2.2E0');
    expect(hashToNarrow(hash, dir)).toEqual(narrow);
  });

  it('reads the older forms: stream/, pm-with/ with emails, subject/', () => {
    expect(hashToNarrow('#narrow/stream/1-general/subject/hi', dir)).toEqual([
      { operator: 'stream', operand: '1' },
      { operator: 'topic', operand: 'hi' },
    ]);
    expect(hashToNarrow('#narrow/pm-with/alice.40example.2Ecom', dir)).toEqual([
      { operator: 'dm', operand: '3' },
    ]);
    expect(hashToNarrow('#narrow/dm/3,9-group', dir)).toEqual([{ operator: 'dm', operand: '3,9' }]);
  });

  it('keeps negation, is:, search and near', () => {
    const narrow = [
      { operator: 'is', operand: 'starred' },
      { operator: 'search', operand: 'deploy failed' },
      { operator: 'sender', operand: '9', negated: true },
      { operator: 'near', operand: '42' },
    ];
    expect(hashToNarrow(narrowToHash(narrow, dir), dir)).toEqual(narrow);
  });

  it('treats other hashes as no narrow, and #all_messages as the combined feed', () => {
    expect(hashToNarrow('#settings/profile', dir)).toBeNull();
    expect(hashToNarrow('#all_messages', dir)).toEqual([]);
    expect(hashToNarrow('', dir)).toEqual([]);
  });
});

describe('search text', () => {
  it('parses operators (quoted operands, negation) and leaves other words as one search', () => {
    expect(
      parseSearch('stream:"design team" topic:logo -sender:bob@example.com release notes', dir),
    ).toEqual([
      { operator: 'stream', operand: '7' },
      { operator: 'topic', operand: 'logo' },
      { operator: 'sender', operand: '9', negated: true },
      { operator: 'search', operand: 'release notes' },
    ]);
    expect(parseSearch('is:starred has:link', dir)).toEqual([
      { operator: 'is', operand: 'starred' },
      { operator: 'has', operand: 'link' },
    ]);
  });

  it('writes a narrow back as text with names', () => {
    expect(
      narrowToSearch(
        [
          { operator: 'stream', operand: '7' },
          { operator: 'dm', operand: '3,9' },
        ],
        dir,
      ),
    ).toBe('stream:"design team" dm:alice@example.com,bob@example.com');
  });

  it('sends ids to the API as numbers', () => {
    expect(
      narrowToApi([
        { operator: 'stream', operand: '7' },
        { operator: 'dm', operand: '3,9' },
        { operator: 'topic', operand: '12' },
      ]),
    ).toEqual([
      { operator: 'stream', operand: 7 },
      { operator: 'dm', operand: [3, 9] },
      { operator: 'topic', operand: '12' },
    ]);
  });
});

describe('matching live messages', () => {
  const base: MatchableMessage = {
    id: 5,
    type: 'stream',
    stream_id: 7,
    subject: 'Logo',
    sender_id: 3,
    sender_email: 'alice@example.com',
    dmUserIds: [],
    flags: [],
  };

  it('decides stream, topic (any case), sender and flags locally', () => {
    const narrow = [
      { operator: 'stream', operand: '7' },
      { operator: 'topic', operand: 'logo' },
    ];
    expect(matchesNarrow(narrow, base, 9)).toBe(true);
    expect(matchesNarrow(narrow, { ...base, subject: 'other' }, 9)).toBe(false);
    expect(matchesNarrow([{ operator: 'is', operand: 'starred' }], base, 9)).toBe(false);
    expect(matchesNarrow([{ operator: 'sender', operand: '3', negated: true }], base, 9)).toBe(
      false,
    );
  });

  it('matches a DM conversation whoever of its people sent it', () => {
    const dm = { ...base, type: 'private' as const, stream_id: undefined, dmUserIds: [3, 9] };
    expect(matchesNarrow([{ operator: 'dm', operand: '3' }], dm, 9)).toBe(true);
    expect(matchesNarrow([{ operator: 'dm', operand: '3,4' }], dm, 9)).toBe(false);
  });

  it('leaves full-text search to the server', () => {
    expect(matchesNarrow([{ operator: 'search', operand: 'x' }], base, 9)).toBeUndefined();
    expect(
      matchesNarrow(
        [
          { operator: 'stream', operand: '1' },
          { operator: 'search', operand: 'x' },
        ],
        base,
        9,
      ),
    ).toBe(false);
  });
});
