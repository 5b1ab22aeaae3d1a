import { validateSync } from 'class-validator';
import { GetMessagesDto, plainlyValidGetMessages } from './get-messages.dto';

/** Values of every type and edge a client might send for one parameter. */
const SAMPLES: unknown[] = [
  undefined,
  null,
  true,
  false,
  0,
  1,
  100,
  -1,
  1.5,
  Number.MAX_SAFE_INTEGER,
  Number.MAX_SAFE_INTEGER + 2,
  '1',
  'true',
  '',
  [],
  [1, 2],
  [-1],
  [1.5],
  ['1'],
  [Number.MAX_SAFE_INTEGER + 2],
  {},
];

const FIELDS = [
  'anchor',
  'include_anchor',
  'num_before',
  'num_after',
  'narrow',
  'message_ids',
  'apply_markdown',
  'client_gravatar',
  'use_first_unread_anchor',
] as const;

describe('plainlyValidGetMessages', () => {
  it('accepts only what the decorators accept, and what clients usually send', () => {
    let accepted = 0;
    for (const field of FIELDS) {
      for (const value of SAMPLES) {
        const dto = Object.assign(new GetMessagesDto(), { num_before: 100, num_after: 0 });
        Object.assign(dto, { [field]: value });
        const valid = validateSync(dto, { forbidUnknownValues: false }).length === 0;
        if (plainlyValidGetMessages(dto)) {
          accepted++;
          expect({ field, value, valid }).toEqual({ field, value, valid: true });
        }
      }
    }
    expect(accepted).toBeGreaterThan(FIELDS.length);
    const usual = Object.assign(new GetMessagesDto(), {
      anchor: 'newest',
      num_before: 100,
      num_after: 0,
      narrow: [{ operator: 'dm', operand: [9] }],
      apply_markdown: true,
      client_gravatar: false,
    });
    expect(plainlyValidGetMessages(usual)).toBe(true);
  });
});
