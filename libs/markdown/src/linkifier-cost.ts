/**
 * Which linkifier patterns may be matched without the sandbox's timer (linkifier-matcher): those
 * whose backtracking is provably bounded by a small power of the text's length.
 *
 * A pattern qualifies when it is built only of literal characters, simple escapes (`\d`, `\w`,
 * `\s`, their negations, escaped punctuation), character classes, `.`, the anchors `^` and `$`,
 * word boundaries (`\b`, `\B`) and groups (capturing, named or not), with quantifiers on them:
 * no alternation, no back-reference, no lookaround, no quantifier inside a quantified group.
 * Then, from each start position, the matcher's only choices are how many times each quantifier
 * repeats: with q quantifiers whose count may vary, its backtracking tree has at most (n + 1)^q
 * nodes for a text of n characters, each continued by at most the pattern's own length in steps.
 * So matching the whole text costs O(n^(q+1) * length) steps. Anything else (or unclear): null.
 */
export function variableQuantifiers(source: string, flags: string): number | null {
  if (flags.replace(/[iu]/g, '') !== '') return null;
  const parser = new CostParser(source);
  try {
    const count = parser.sequence(0);
    return parser.atEnd() ? count : null;
  } catch {
    return null;
  }
}

/** What the parser hit that makes a pattern not qualify. */
class Unsupported extends Error {}

const SIMPLE_ESCAPES = new Set(['d', 'D', 'w', 'W', 's', 'S']);
/** Zero-width escapes, allowed outside character classes. */
const BOUNDARY_ESCAPES = new Set(['b', 'B']);
/** Characters that have a meaning of their own at the top level of a pattern. */
const SPECIAL = new Set(['\\', '[', ']', '(', ')', '{', '}', '|', '*', '+', '?', '.', '^', '$']);

class CostParser {
  private i = 0;

  constructor(private readonly s: string) {}

  atEnd(): boolean {
    return this.i === this.s.length;
  }

  /**
   * A sequence of (possibly quantified) atoms, up to `)` or the end: the number of variable
   * quantifiers in it. `depth` counts enclosing groups.
   */
  sequence(depth: number): number {
    let count = 0;
    while (this.i < this.s.length && this.s[this.i] !== ')') {
      const inner = this.atom(depth);
      const quantifier = this.quantifier();
      if (quantifier === null) {
        count += inner;
        continue;
      }
      // A quantified group must not hold a quantifier of its own (polynomial nesting).
      if (inner > 0) throw new Unsupported();
      if (quantifier === 'variable') count += 1;
    }
    if (this.i < this.s.length && depth === 0) throw new Unsupported();
    return count;
  }

  /** One atom: the number of variable quantifiers inside it (only a group has any). */
  private atom(depth: number): number {
    const ch = this.s[this.i];
    if (ch === '\\') {
      const next = this.s[this.i + 1];
      if (next === undefined) throw new Unsupported();
      if (!SIMPLE_ESCAPES.has(next) && !BOUNDARY_ESCAPES.has(next) && !isPunctuation(next)) {
        throw new Unsupported();
      }
      this.i += 2;
      return 0;
    }
    if (ch === '[') {
      this.characterClass();
      return 0;
    }
    if (ch === '(') {
      this.i++;
      if (this.s[this.i] === '?') {
        const named = /^\?<[A-Za-z_][A-Za-z0-9_]*>/.exec(this.s.slice(this.i));
        if (this.s[this.i + 1] === ':') this.i += 2;
        else if (named) this.i += named[0].length;
        else throw new Unsupported();
      }
      const inner = this.sequence(depth + 1);
      if (this.s[this.i] !== ')') throw new Unsupported();
      this.i++;
      return inner;
    }
    if (ch === '.' || ch === '^' || ch === '$') {
      this.i++;
      return 0;
    }
    if (SPECIAL.has(ch)) throw new Unsupported();
    this.i++;
    return 0;
  }

  /** `[...]`: escapes inside it must be simple ones or escaped punctuation. */
  private characterClass(): void {
    this.i++;
    if (this.s[this.i] === '^') this.i++;
    let first = true;
    while (this.i < this.s.length) {
      const ch = this.s[this.i];
      if (ch === ']' && !first) {
        this.i++;
        return;
      }
      if (ch === ']' || ch === '[') throw new Unsupported();
      if (ch === '\\') {
        const next = this.s[this.i + 1];
        if (next === undefined || (!SIMPLE_ESCAPES.has(next) && !isPunctuation(next))) {
          throw new Unsupported();
        }
        this.i += 2;
      } else this.i++;
      first = false;
    }
    throw new Unsupported();
  }

  /** A quantifier after an atom, if any: 'fixed' (`{n}`) or 'variable' (any other). */
  private quantifier(): 'fixed' | 'variable' | null {
    const ch = this.s[this.i];
    let kind: 'fixed' | 'variable';
    if (ch === '*' || ch === '+' || ch === '?') {
      this.i++;
      kind = 'variable';
    } else if (ch === '{') {
      const m = /^\{(\d{1,4})(,(\d{0,4}))?\}/.exec(this.s.slice(this.i));
      if (!m) throw new Unsupported();
      this.i += m[0].length;
      kind = m[2] === undefined || m[3] === m[1] ? 'fixed' : 'variable';
    } else return null;
    if (this.s[this.i] === '?') this.i++;
    const after = this.s[this.i];
    if (after === '*' || after === '+' || after === '?' || after === '{') throw new Unsupported();
    return kind;
  }
}

function isPunctuation(ch: string): boolean {
  return /^[!-/:-@[-`{-~]$/.test(ch);
}
