import type { Tokens } from 'marked';
import { MAX_BLOCK_NESTING, MAX_INLINE_NESTING, MAX_INLINE_SPANS } from './limits';
import { markedModule } from './native-modules';
import { currentSession } from './session';

/**
 * marked's tokenizer narrowed to Zulip's dialect and bounded in depth:
 * - no headings, setext headings or horizontal rules (Zulip shows `# x` as typed);
 * - raw HTML is never a token, so it is rendered as escaped text;
 * - `_` does not make emphasis (Zulip only uses `*`, which keeps snake_case intact);
 * - containers and inline spans nested past the limits are left as text, so hostile nesting
 *   costs linear time and bounded stack.
 */
export class ZulipTokenizer extends markedModule.Tokenizer {
  override heading(): undefined {
    return undefined;
  }

  override lheading(): undefined {
    return undefined;
  }

  override hr(): undefined {
    return undefined;
  }

  override html(): undefined {
    return undefined;
  }

  override tag(): undefined {
    return undefined;
  }

  override blockquote(src: string): Tokens.Blockquote | undefined {
    return nestedBlock(() => super.blockquote(src));
  }

  override list(src: string): Tokens.List | undefined {
    return nestedBlock(() => super.list(src));
  }

  override emStrong(
    src: string,
    maskedSrc: string,
    prevChar?: string,
  ): Tokens.Em | Tokens.Strong | undefined {
    if (src.startsWith('_')) return undefined;
    return nestedInline(() => super.emStrong(src, maskedSrc, prevChar));
  }

  override del(src: string, maskedSrc: string, prevChar?: string): Tokens.Del | undefined {
    return nestedInline(() => super.del(src, maskedSrc, prevChar));
  }

  override link(src: string): Tokens.Link | Tokens.Image | undefined {
    return nestedInline(() => super.link(src));
  }

  override codespan(src: string): Tokens.Codespan | undefined {
    return countedSpan(() => super.codespan(src));
  }

  override br(src: string): Tokens.Br | undefined {
    return countedSpan(() => super.br(src));
  }

  /**
   * marked's GFM text rule looks ahead over the whole run of e-mail characters for an `@`, which
   * is quadratic on input like 10,000 `*_!` characters. Matching a bounded window keeps it
   * linear; a longer text merely arrives as several adjacent text tokens, which marked merges.
   */
  override inlineText(src: string): Tokens.Text | undefined {
    return super.inlineText(src.length > TEXT_WINDOW ? src.slice(0, TEXT_WINDOW) : src);
  }
}

const TEXT_WINDOW = 512;

/**
 * Every inline element costs the sanitizer a DOM node, so a message gets at most
 * MAX_INLINE_SPANS of them; past that, the markup stays as text.
 */
function countedSpan<T>(tokenize: () => T | undefined): T | undefined {
  const session = currentSession();
  if (session.inlineSpans >= MAX_INLINE_SPANS) return undefined;
  const token = tokenize();
  if (token) session.inlineSpans += 1;
  return token;
}

/** Runs a container tokenizer one level deeper, or declines past the nesting limit. */
export function nestedBlock<T>(tokenize: () => T | undefined): T | undefined {
  const session = currentSession();
  if (session.blockDepth >= MAX_BLOCK_NESTING) return undefined;
  session.blockDepth += 1;
  try {
    return tokenize();
  } finally {
    session.blockDepth -= 1;
  }
}

function nestedInline<T>(tokenize: () => T | undefined): T | undefined {
  const session = currentSession();
  if (session.inlineDepth >= MAX_INLINE_NESTING) return undefined;
  session.inlineDepth += 1;
  try {
    return countedSpan(tokenize);
  } finally {
    session.inlineDepth -= 1;
  }
}
