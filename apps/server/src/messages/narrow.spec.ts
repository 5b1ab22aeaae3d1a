import { ZulipError } from '../common/zulip-error';
import { parseNarrow } from './narrow';
import { narrowConditions, SqlParams } from './narrow-sql';

describe('parseNarrow', () => {
  it('reads objects and pairs, with negation and legacy operator names', () => {
    expect(
      parseNarrow([
        ['stream', 'general'],
        { operator: 'subject', operand: ' lunch ', negated: true },
        ['pm-with', 'a@example.com,b@example.com'],
        ['sender', '42'],
        ['is', 'private'],
        ['near', '17'],
      ]),
    ).toEqual([
      { operator: 'stream', operand: 'general', negated: false },
      { operator: 'topic', operand: 'lunch', negated: true },
      { operator: 'dm', operand: ['a@example.com', 'b@example.com'], negated: false },
      { operator: 'sender', operand: 42, negated: false },
      { operator: 'is', operand: 'private', negated: false },
      { operator: 'near', operand: 17, negated: false },
    ]);
    expect(parseNarrow([{ operator: 'dm', operand: [3, 4] }])).toEqual([
      { operator: 'dm', operand: [3, 4], negated: false },
    ]);
    expect(parseNarrow(undefined)).toEqual([]);
  });

  it.each([
    [[['frob', 'x']], 'BAD_NARROW'],
    [[['is', 'sleepy']], 'BAD_NARROW'],
    [[['has', 'cats']], 'BAD_NARROW'],
    [[['id', -1]], 'BAD_NARROW'],
    [[['stream', '']], 'BAD_NARROW'],
    [[['topic', 5]], 'BAD_NARROW'],
    [{ operator: 'stream' }, 'BAD_REQUEST'],
    [[['stream']], 'BAD_REQUEST'],
    [[{ operator: 'stream', operand: 'x', negated: 'yes' }], 'BAD_REQUEST'],
    [[7], 'BAD_REQUEST'],
  ])('refuses %j with %s', (narrow, code) => {
    try {
      parseNarrow(narrow);
      throw new Error('accepted');
    } catch (err) {
      expect(err).toBeInstanceOf(ZulipError);
      expect((err as ZulipError).code).toBe(code);
      expect((err as ZulipError).status).toBe(400);
    }
  });

  it('never fails with anything but a 400 on random input (fuzz)', () => {
    let seed = 12345;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const atoms = [
      'stream',
      'topic',
      'is',
      'has',
      'dm',
      'search',
      'id',
      'near',
      'sender',
      'channel',
      'dm-including',
      'unread',
      'link',
      '',
      ' ',
      '12',
      -3,
      0,
      1.5,
      2 ** 60,
      null,
      true,
      false,
      '\u0000',
      "'; DROP TABLE messages; --",
      '✔ done',
      [],
      {},
    ];
    const value = (depth: number): unknown => {
      const r = random();
      if (depth > 2 || r < 0.5) return atoms[Math.floor(random() * atoms.length)];
      if (r < 0.75) return Array.from({ length: Math.floor(random() * 4) }, () => value(depth + 1));
      return { operator: value(depth + 1), operand: value(depth + 1), negated: value(depth + 1) };
    };
    for (let i = 0; i < 5000; i++) {
      const input = value(0);
      try {
        const terms = parseNarrow(input);
        for (const t of terms) expect(typeof t.negated).toBe('boolean');
      } catch (err) {
        expect(err).toBeInstanceOf(ZulipError);
        expect((err as ZulipError).status).toBe(400);
      }
    }
  });
});

describe('narrowConditions', () => {
  it('keeps operands out of the SQL text', () => {
    const params = new SqlParams();
    const sql = narrowConditions(
      [
        { kind: 'topic', topic: "x'); DROP TABLE users; --", negated: false },
        { kind: 'search', query: 'a & b | !c', negated: true },
      ],
      params,
      '$0',
    );
    expect(sql.join(' ')).not.toContain('DROP');
    expect(sql[1].startsWith('NOT COALESCE(')).toBe(true);
    expect(params.values).toEqual(["x'); DROP TABLE users; --", 'a & b | !c']);
  });
});
