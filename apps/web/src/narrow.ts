/**
 * Narrows: the filters a view shows (`stream`, `topic`, `dm`, `is:starred`, search…), their
 * `#narrow/…` URLs in Zulip's encoding, the search bar's text form, and the API's form.
 */

export interface Term {
  operator: string;
  /** Ids are kept as decimal strings: stream and sender ids, `dm` as "3,7". */
  operand: string;
  negated?: boolean;
}
export type Narrow = Term[];

/** What the encoders need to know about streams and people. */
export interface Directory {
  streamName(id: number): string | undefined;
  streamId(name: string): number | undefined;
  userName(id: number): string | undefined;
  userEmail(id: number): string | undefined;
  userIdByEmail(email: string): number | undefined;
}

const ALIASES: Record<string, string> = {
  channel: 'stream',
  subject: 'topic',
  'pm-with': 'dm',
  from: 'sender',
  'group-pm-with': 'dm-including',
};

export function canonicalOperator(operator: string): string {
  const lower = operator.toLowerCase();
  return ALIASES[lower] ?? lower;
}

// ---- URL hash: Zulip's encoding (encodeURIComponent, then "%" → "." so links survive Markdown) ----

const HASH_REPLACEMENTS: Record<string, string> = { '%': '.', '(': '.28', ')': '.29', '.': '.2E' };

export function encodeHashComponent(text: string): string {
  return encodeURIComponent(text).replace(/[%().]/g, (c) => HASH_REPLACEMENTS[c]);
}

export function decodeHashComponent(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\./g, '%'));
  } catch {
    return text;
  }
}

/** `12-design-team`: the id, then a readable slug that is ignored when parsing. */
function idSlug(id: string, name: string | undefined): string {
  return name ? `${id}-${name.replace(/\s/g, '-')}` : id;
}

/** The hash operator names Zulip's web app writes today. */
const HASH_OPERATOR: Record<string, string> = { stream: 'channel' };

export function narrowToHash(narrow: Narrow, dir: Directory): string {
  if (narrow.length === 0) return '#all_messages';
  const parts = ['#narrow'];
  for (const term of narrow) {
    const operator = HASH_OPERATOR[term.operator] ?? term.operator;
    let operand = term.operand;
    if (term.operator === 'stream' && /^\d+$/.test(operand)) {
      operand = idSlug(operand, dir.streamName(Number(operand)));
    } else if (term.operator === 'sender' && /^\d+$/.test(operand)) {
      operand = idSlug(operand, dir.userName(Number(operand)));
    } else if (term.operator === 'dm' && /^[\d,]+$/.test(operand)) {
      const ids = operand.split(',');
      operand = `${operand}-${ids.length > 1 ? 'group' : 'dm'}`;
    }
    parts.push((term.negated ? '-' : '') + operator, encodeHashComponent(operand));
  }
  return parts.join('/');
}

/** Parses `#narrow/…` (current and older operator names); null when the hash is not a narrow. */
export function hashToNarrow(hash: string, dir: Directory): Narrow | null {
  const clean = hash.replace(/^#/, '');
  if (clean === '' || clean === 'all_messages' || clean === 'feed') return [];
  const segments = clean.split('/');
  if (segments[0] !== 'narrow') return null;
  const narrow: Narrow = [];
  for (let i = 1; i < segments.length; i += 2) {
    let operator = segments[i];
    const negated = operator.startsWith('-');
    if (negated) operator = operator.slice(1);
    operator = canonicalOperator(operator);
    const raw = decodeHashComponent(segments[i + 1] ?? '');
    let operand = raw;
    if (operator === 'stream') {
      const id = /^(\d+)(?:-|$)/.exec(raw)?.[1];
      operand = id ?? String(dir.streamId(raw) ?? raw);
    } else if (operator === 'sender') {
      const id = /^(\d+)(?:-|$)/.exec(raw)?.[1];
      operand = id ?? String(dir.userIdByEmail(raw) ?? raw);
    } else if (operator === 'dm' || operator === 'dm-including') {
      const ids = /^([\d,]+)(?:-|$)/.exec(raw)?.[1];
      operand = ids ?? emailsToIds(raw, dir);
    }
    narrow.push(negated ? { operator, operand, negated } : { operator, operand });
  }
  return narrow;
}

function emailsToIds(raw: string, dir: Directory): string {
  const ids = raw.split(',').map((email) => dir.userIdByEmail(email.trim()));
  return ids.every((id) => id !== undefined) ? ids.join(',') : raw;
}

// ---- The search bar's text form: `stream:design topic:"weekly sync" is:starred words` ----

const TEXT_OPERATORS = new Set([
  'stream',
  'topic',
  'sender',
  'dm',
  'dm-including',
  'is',
  'has',
  'near',
  'id',
  'streams',
]);

/** Splits search text into terms; words that are not `operator:operand` become one `search` term. */
export function parseSearch(text: string, dir: Directory): Narrow {
  const narrow: Narrow = [];
  const words: string[] = [];
  const token = /(-?)([a-z-]+):(?:"([^"]*)"|(\S+))|"([^"]*)"|(\S+)/gi;
  for (const match of text.matchAll(token)) {
    const [, minus, rawOperator, quoted, bare, quotedWord, word] = match;
    const operator = rawOperator ? canonicalOperator(rawOperator) : undefined;
    if (operator && TEXT_OPERATORS.has(operator)) {
      const operand = resolveOperand(operator, quoted ?? bare ?? '', dir);
      narrow.push(minus ? { operator, operand, negated: true } : { operator, operand });
    } else {
      words.push(quotedWord !== undefined ? `"${quotedWord}"` : (word ?? match[0]));
    }
  }
  if (words.length > 0) narrow.push({ operator: 'search', operand: words.join(' ') });
  return narrow;
}

function resolveOperand(operator: string, operand: string, dir: Directory): string {
  if (operator === 'stream') return String(dir.streamId(operand) ?? operand);
  if (operator === 'sender') {
    if (operand === 'me') return operand;
    return String(dir.userIdByEmail(operand) ?? operand);
  }
  if (operator === 'dm' || operator === 'dm-including') return emailsToIds(operand, dir);
  return operand;
}

function quote(text: string): string {
  return /\s/.test(text) ? `"${text}"` : text;
}

/** The search bar's text for a narrow (names and emails instead of ids). */
export function narrowToSearch(narrow: Narrow, dir: Directory): string {
  return narrow
    .map((term) => {
      if (term.operator === 'search') return term.operand;
      let operand = term.operand;
      if (term.operator === 'stream' && /^\d+$/.test(operand)) {
        operand = dir.streamName(Number(operand)) ?? operand;
      } else if (term.operator === 'sender' && /^\d+$/.test(operand)) {
        operand = dir.userEmail(Number(operand)) ?? operand;
      } else if (
        (term.operator === 'dm' || term.operator === 'dm-including') &&
        /^[\d,]+$/.test(operand)
      ) {
        operand = operand
          .split(',')
          .map((id) => dir.userEmail(Number(id)) ?? id)
          .join(',');
      }
      return `${term.negated ? '-' : ''}${term.operator}:${quote(operand)}`;
    })
    .join(' ');
}

// ---- The API's form ----

export interface ApiTerm {
  operator: string;
  operand: string | number | number[];
  negated?: boolean;
}

export function narrowToApi(narrow: Narrow): ApiTerm[] {
  return narrow.map((term) => {
    let operand: ApiTerm['operand'] = term.operand;
    if ((term.operator === 'stream' || term.operator === 'sender') && /^\d+$/.test(term.operand)) {
      operand = Number(term.operand);
    } else if (term.operator === 'dm' && /^[\d,]+$/.test(term.operand)) {
      operand = term.operand.split(',').map(Number);
    } else if (
      (term.operator === 'near' || term.operator === 'id' || term.operator === 'dm-including') &&
      /^\d+$/.test(term.operand)
    ) {
      operand = Number(term.operand);
    }
    return term.negated
      ? { operator: term.operator, operand, negated: true }
      : { operator: term.operator, operand };
  });
}

// ---- Which loaded messages belong to a narrow (for messages that arrive live) ----

export interface MatchableMessage {
  id: number;
  type: 'stream' | 'private';
  stream_id?: number;
  subject: string;
  sender_id: number;
  sender_email: string;
  /** Every participant of a DM (including the viewer). */
  dmUserIds: number[];
  flags: string[];
}

/**
 * Whether `message` belongs to `narrow`: true or false when the client can tell, undefined when
 * only the server can (full-text search, `has:`), which the caller then asks.
 */
export function matchesNarrow(
  narrow: Narrow,
  message: MatchableMessage,
  selfId: number,
): boolean | undefined {
  let unknown = false;
  for (const term of narrow) {
    const result = matchesTerm(term, message, selfId);
    if (result === undefined) {
      unknown = true;
      continue;
    }
    if (result === Boolean(term.negated)) return false;
  }
  return unknown ? undefined : true;
}

function matchesTerm(term: Term, m: MatchableMessage, selfId: number): boolean | undefined {
  switch (term.operator) {
    case 'stream':
      return m.type === 'stream' && String(m.stream_id) === term.operand;
    case 'topic':
      return m.type === 'stream' && m.subject.toLowerCase() === term.operand.toLowerCase();
    case 'sender':
      return term.operand === 'me'
        ? m.sender_id === selfId
        : String(m.sender_id) === term.operand || m.sender_email === term.operand;
    case 'dm': {
      if (m.type !== 'private') return false;
      const wanted = new Set(term.operand.split(',').map(Number));
      wanted.add(selfId);
      const actual = new Set(m.dmUserIds);
      actual.add(selfId);
      return wanted.size === actual.size && [...wanted].every((id) => actual.has(id));
    }
    case 'dm-including':
      return m.type === 'private' && m.dmUserIds.includes(Number(term.operand));
    case 'is':
      switch (term.operand) {
        case 'dm':
        case 'private':
          return m.type === 'private';
        case 'starred':
          return m.flags.includes('starred');
        case 'mentioned':
          return m.flags.some((f) => f === 'mentioned' || f === 'wildcard_mentioned');
        case 'alerted':
          return m.flags.includes('has_alert_word');
        case 'unread':
          return !m.flags.includes('read');
        default:
          return undefined;
      }
    case 'streams':
      return m.type === 'stream';
    case 'near':
    case 'id':
      return term.operator === 'id' ? String(m.id) === term.operand : true;
    default:
      return undefined;
  }
}

/** The stream and topic a narrow is about, if it names exactly one (for the compose box). */
export function narrowConversation(narrow: Narrow): {
  streamId?: number;
  topic?: string;
  dm?: number[];
} {
  const positive = (operator: string) =>
    narrow.find((t) => t.operator === operator && !t.negated)?.operand;
  const stream = positive('stream');
  const dm = positive('dm');
  return {
    streamId: stream && /^\d+$/.test(stream) ? Number(stream) : undefined,
    topic: positive('topic'),
    dm: dm && /^[\d,]+$/.test(dm) ? dm.split(',').map(Number) : undefined,
  };
}

export function sameNarrow(a: Narrow, b: Narrow): boolean {
  return (
    a.length === b.length &&
    a.every(
      (t, i) =>
        t.operator === b[i].operator &&
        t.operand === b[i].operand &&
        !!t.negated === !!b[i].negated,
    )
  );
}
