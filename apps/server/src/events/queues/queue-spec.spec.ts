import { ZulipError } from '../../common/zulip-error';
import type { EventMessage } from '@hub/api/event.types';
import { narrowAccepts, parseNarrow } from './queue-spec';

const base: EventMessage = {
  id: 1,
  sender_id: 10,
  sender_email: 'hamlet@example.com',
  sender_full_name: 'Hamlet',
  sender_realm_str: '',
  content: '<p>hi</p>',
  content_type: 'text/html',
  timestamp: 0,
  client: 'test',
  type: 'stream',
  recipient_id: 5,
  subject: 'Castle',
  topic_links: [],
  is_me_message: false,
  reactions: [],
  submessages: [],
  avatar_url: null,
  display_recipient: 'Denmark',
  stream_id: 5,
};
const dm: EventMessage = {
  ...base,
  type: 'private',
  subject: '',
  stream_id: undefined,
  display_recipient: [
    { id: 10, email: 'hamlet@example.com', full_name: 'Hamlet' },
    { id: 11, email: 'othello@example.com', full_name: 'Othello' },
  ],
};

describe('register narrows', () => {
  it('accepts pairs and objects, and rejects unknown operators with a clear error', () => {
    expect(parseNarrow([['stream', 'Denmark']])).toEqual([
      { operator: 'stream', operand: 'Denmark', negated: false },
    ]);
    expect(parseNarrow([{ operator: 'is', operand: 'dm', negated: true }])[0].negated).toBe(true);
    expect(() => parseNarrow([['near', 5]])).toThrow(ZulipError);
    expect(() => parseNarrow([['is', 'sleeping']])).toThrow(/Invalid narrow/);
    expect(() => parseNarrow('stream')).toThrow(/must be a list/);
    expect(parseNarrow(null)).toEqual([]);
  });

  it('matches streams by name (any case) or id, and topics', () => {
    const narrow = parseNarrow([
      ['stream', 'denmark'],
      ['topic', 'castle'],
    ]);
    expect(narrowAccepts(narrow, base, [], 11)).toBe(true);
    expect(narrowAccepts(narrow, { ...base, subject: 'Moat' }, [], 11)).toBe(false);
    expect(narrowAccepts(parseNarrow([['channel', 5]]), base, [], 11)).toBe(true);
    expect(narrowAccepts(parseNarrow([['channel', 6]]), base, [], 11)).toBe(false);
    expect(narrowAccepts(narrow, dm, [], 11)).toBe(false);
  });

  it('matches DMs, senders, and flags-based operands', () => {
    expect(narrowAccepts(parseNarrow([['is', 'dm']]), dm, [], 11)).toBe(true);
    expect(narrowAccepts(parseNarrow([['is', 'private']]), base, [], 11)).toBe(false);
    expect(narrowAccepts(parseNarrow([['dm', 'hamlet@example.com']]), dm, [], 11)).toBe(true);
    expect(narrowAccepts(parseNarrow([['dm', [10]]]), dm, [], 11)).toBe(true);
    expect(narrowAccepts(parseNarrow([['dm', [12]]]), dm, [], 11)).toBe(false);
    expect(narrowAccepts(parseNarrow([['sender', 'HAMLET@example.com']]), base, [], 11)).toBe(true);
    expect(narrowAccepts(parseNarrow([['sender', 99]]), base, [], 11)).toBe(false);
    expect(narrowAccepts(parseNarrow([['is', 'mentioned']]), base, ['mentioned'], 11)).toBe(true);
    expect(narrowAccepts(parseNarrow([['is', 'mentioned']]), base, [], 11)).toBe(false);
    expect(narrowAccepts(parseNarrow([['is', 'unread']]), base, ['read'], 11)).toBe(false);
    expect(
      narrowAccepts(parseNarrow([{ operator: 'is', operand: 'dm', negated: true }]), base, [], 11),
    ).toBe(true);
  });
});
