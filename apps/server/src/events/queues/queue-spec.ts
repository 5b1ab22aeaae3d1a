import { ZulipError } from '../../common/zulip-error';
import type { EventMessage } from '@hub/api/event.types';

/** One `[operator, operand]` term of a register-time narrow, already validated. */
export interface NarrowTerm {
  operator: string;
  operand: string | number | number[];
  negated: boolean;
}

/** What a queue was registered with: who owns it and which events it wants, in which form. */
export interface QueueSpec {
  userId: number;
  realmId: number;
  /** `null`: every event type. */
  eventTypes: string[] | null;
  narrow: NarrowTerm[];
  allPublicStreams: boolean;
  applyMarkdown: boolean;
  clientGravatar: boolean;
  bulkMessageDeletion: boolean;
  streamTypingNotifications: boolean;
  /** New clients get `user_settings` events only, not the legacy settings events. */
  userSettingsObject?: boolean;
}

const OPERATORS = new Set([
  'stream',
  'channel',
  'topic',
  'subject',
  'is',
  'sender',
  'dm',
  'pm-with',
]);
const IS_OPERANDS = new Set([
  'dm',
  'private',
  'stream',
  'channel',
  'mentioned',
  'starred',
  'alerted',
  'unread',
]);

function badNarrow(detail: string): ZulipError {
  return new ZulipError('BAD_REQUEST', `Invalid narrow: ${detail}`, 400, { var_name: 'narrow' });
}

function parseOperand(operator: string, operand: unknown): NarrowTerm['operand'] {
  if (typeof operand === 'string' || typeof operand === 'number') {
    if (operator === 'is' && !IS_OPERANDS.has(String(operand))) {
      throw badNarrow(`unsupported operand "${String(operand)}" for "is"`);
    }
    return operand;
  }
  if (Array.isArray(operand) && operand.every((v) => typeof v === 'number')) {
    return operand as number[];
  }
  throw badNarrow(`bad operand for "${operator}"`);
}

/** Validates a register `narrow`: a list of `[operator, operand]` pairs or `{operator, operand}`. */
export function parseNarrow(raw: unknown): NarrowTerm[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) throw badNarrow('must be a list');
  return raw.map((term: unknown): NarrowTerm => {
    let operator: unknown;
    let operand: unknown;
    let negated = false;
    if (Array.isArray(term) && term.length === 2) {
      [operator, operand] = term;
    } else if (term && typeof term === 'object' && 'operator' in term && 'operand' in term) {
      const t = term as { operator: unknown; operand: unknown; negated?: unknown };
      operator = t.operator;
      operand = t.operand;
      negated = t.negated === true;
    } else {
      throw badNarrow('each element must be [operator, operand]');
    }
    if (typeof operator !== 'string' || !OPERATORS.has(operator)) {
      throw badNarrow(`unsupported operator "${String(operator)}"`);
    }
    return { operator, operand: parseOperand(operator, operand), negated };
  });
}

function sameText(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

function dmMatches(message: EventMessage, operand: NarrowTerm['operand'], ownId: number): boolean {
  if (message.type !== 'private' || !Array.isArray(message.display_recipient)) return false;
  const others = message.display_recipient.filter((p) => p.id !== ownId);
  if (Array.isArray(operand) || typeof operand === 'number') {
    const wanted = new Set(Array.isArray(operand) ? operand : [operand]);
    wanted.delete(ownId);
    return wanted.size === others.length && others.every((p) => wanted.has(p.id));
  }
  const wanted = new Set(operand.split(',').map((e) => e.trim().toLowerCase()));
  const otherEmails = others.map((p) => p.email.toLowerCase());
  // A DM to oneself has no "others"; its narrow names the user's own address.
  if (otherEmails.length === 0) return wanted.size === 1;
  return otherEmails.every((e) => wanted.has(e)) && otherEmails.length >= wanted.size - 1;
}

function isMatches(operand: string, message: EventMessage, flags: readonly string[]): boolean {
  switch (operand) {
    case 'dm':
    case 'private':
      return message.type === 'private';
    case 'stream':
    case 'channel':
      return message.type === 'stream';
    case 'mentioned':
      return flags.includes('mentioned') || flags.includes('wildcard_mentioned');
    case 'starred':
      return flags.includes('starred');
    case 'alerted':
      return flags.includes('has_alert_word');
    default:
      return !flags.includes('read');
  }
}

function termMatches(
  term: NarrowTerm,
  message: EventMessage,
  flags: readonly string[],
  ownId: number,
): boolean {
  const { operator, operand } = term;
  switch (operator) {
    case 'stream':
    case 'channel':
      if (message.type !== 'stream') return false;
      return typeof operand === 'number'
        ? message.stream_id === operand
        : typeof message.display_recipient === 'string' &&
            sameText(message.display_recipient, String(operand));
    case 'topic':
    case 'subject':
      return message.type === 'stream' && sameText(message.subject, String(operand));
    case 'sender':
      return typeof operand === 'number'
        ? message.sender_id === operand
        : sameText(message.sender_email, String(operand));
    case 'is':
      return isMatches(String(operand), message, flags);
    default:
      return dmMatches(message, operand, ownId);
  }
}

/** Whether a message event passes a queue's narrow (every term must hold). */
export function narrowAccepts(
  narrow: readonly NarrowTerm[],
  message: EventMessage,
  flags: readonly string[],
  ownId: number,
): boolean {
  return narrow.every((term) => termMatches(term, message, flags, ownId) !== term.negated);
}
