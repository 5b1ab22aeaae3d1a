import { ZulipError } from '../common/zulip-error';
import { MAX_INT32 } from '../common/params';

/** One narrow term after checking its shape; operands are not yet resolved to ids. */
export type NarrowTerm =
  | { operator: 'stream'; operand: string | number; negated: boolean }
  | { operator: 'streams'; operand: 'public'; negated: boolean }
  | { operator: 'topic'; operand: string; negated: boolean }
  | { operator: 'sender'; operand: string | number; negated: boolean }
  | { operator: 'dm'; operand: Array<string | number>; negated: boolean }
  | { operator: 'dm-including'; operand: string | number; negated: boolean }
  | { operator: 'is'; operand: IsOperand; negated: boolean }
  | { operator: 'has'; operand: HasOperand; negated: boolean }
  | { operator: 'id'; operand: number; negated: boolean }
  | { operator: 'near'; operand: number; negated: boolean }
  | { operator: 'search'; operand: string; negated: boolean };

export const IS_OPERANDS = [
  'dm',
  'private',
  'starred',
  'mentioned',
  'unread',
  'alerted',
  'resolved',
] as const;
export type IsOperand = (typeof IS_OPERANDS)[number];
export const HAS_OPERANDS = ['link', 'image', 'attachment', 'reaction'] as const;
export type HasOperand = (typeof HAS_OPERANDS)[number];

/** Old and new names of the same operator. */
const CANONICAL: Record<string, NarrowTerm['operator']> = {
  stream: 'stream',
  channel: 'stream',
  streams: 'streams',
  channels: 'streams',
  topic: 'topic',
  subject: 'topic',
  sender: 'sender',
  dm: 'dm',
  'pm-with': 'dm',
  'dm-including': 'dm-including',
  'group-pm-with': 'dm-including',
  is: 'is',
  has: 'has',
  id: 'id',
  near: 'near',
  search: 'search',
};

export function badNarrow(why: string): ZulipError {
  return new ZulipError('BAD_NARROW', `Invalid narrow operator: ${why}`, 400);
}

function invalidNarrow(): ZulipError {
  return new ZulipError('BAD_REQUEST', 'Invalid narrow', 400, { var_name: 'narrow' });
}

function isInt(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/** A user or stream: a name/email, or an id that fits PostgreSQL's `integer`. */
function stringOrId(value: unknown, operator: string): string | number {
  const id =
    typeof value === 'string' && /^\d{1,10}$/.test(value.trim()) ? Number(value.trim()) : value;
  if (isInt(id) && id <= MAX_INT32) return id;
  if (typeof id === 'string' && id.trim() !== '') return text(id, operator).trim();
  throw badNarrow(`invalid operand for ${operator}`);
}

/** PostgreSQL text cannot hold NUL bytes. */
function text(value: string, operator: string): string {
  if (value.includes('\u0000')) throw badNarrow(`invalid operand for ${operator}`);
  return value;
}

function idOperand(value: unknown, operator: string): number {
  const n = typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value;
  if (!isInt(n)) throw badNarrow(`invalid operand for ${operator}`);
  return n;
}

function userList(value: unknown): Array<string | number> {
  const items = Array.isArray(value)
    ? value
    : typeof value === 'string'
      ? value.split(',').map((s) => s.trim())
      : [value];
  if (items.length === 0) throw badNarrow('invalid operand for dm');
  return items.map((item) => stringOrId(item, 'dm'));
}

function term(operatorRaw: unknown, operand: unknown, negatedRaw: unknown): NarrowTerm {
  if (typeof operatorRaw !== 'string') throw invalidNarrow();
  const operator = CANONICAL[operatorRaw];
  if (!operator) throw badNarrow('unknown operator');
  if (negatedRaw !== undefined && typeof negatedRaw !== 'boolean') throw invalidNarrow();
  const negated = negatedRaw === true;
  switch (operator) {
    case 'stream':
    case 'sender':
    case 'dm-including':
      return { operator, operand: stringOrId(operand, operator), negated };
    case 'streams':
      if (operand !== 'public') throw badNarrow('invalid operand for channels');
      return { operator, operand, negated };
    case 'topic':
      if (typeof operand !== 'string') throw badNarrow('invalid operand for topic');
      return { operator, operand: text(operand, operator).trim(), negated };
    case 'search':
      if (typeof operand !== 'string') throw badNarrow('invalid operand for search');
      return { operator, operand: text(operand, operator), negated };
    case 'dm':
      return { operator, operand: userList(operand), negated };
    case 'is': {
      const found = IS_OPERANDS.find((o) => o === operand);
      if (!found) throw badNarrow(`unknown 'is' operand ${String(operand)}`);
      return { operator, operand: found, negated };
    }
    case 'has': {
      const found = HAS_OPERANDS.find((o) => o === operand);
      if (!found) throw badNarrow(`unknown 'has' operand ${String(operand)}`);
      return { operator, operand: found, negated };
    }
    case 'id':
    case 'near':
      return { operator, operand: idOperand(operand, operator), negated };
  }
}

/**
 * Checks a decoded `narrow` parameter in either encoding — `[{operator, operand, negated}]` or
 * `[[operator, operand]]` — and returns typed terms. Anything malformed is a 400, never a 500.
 */
export function parseNarrow(raw: unknown): NarrowTerm[] {
  if (raw === undefined || raw === null || raw === '') return [];
  if (!Array.isArray(raw)) throw invalidNarrow();
  if (raw.length > 50) throw badNarrow('too many terms');
  return raw.map((element: unknown) => {
    if (Array.isArray(element)) {
      if (element.length !== 2) throw invalidNarrow();
      return term(element[0], element[1], undefined);
    }
    if (element && typeof element === 'object') {
      const { operator, operand, negated } = element as Record<string, unknown>;
      if (operand === undefined) throw invalidNarrow();
      return term(operator, operand, negated);
    }
    throw invalidNarrow();
  });
}
