import type { Token, TokenizerAndRendererExtension, Tokens } from 'marked';
import { nestedBlock } from './tokenizer';

interface ContainerToken extends Tokens.Generic {
  type: 'fencedContainer';
  kind: 'quote' | 'spoiler';
  header: Token[];
  tokens: Token[];
}

const OPENING = /^ {0,3}(`{3,}|~{3,})[ \t]*(quote|spoiler)(?:[ \t]+([^\n]*))?[ \t]*(?:\n|$)/;
const FENCE_LINE = /^ {0,3}(`{3,}|~{3,})[ \t]*([^\n]*)$/;

/**
 * Finds the line that closes a fence opened with `fence`, skipping fences nested inside
 * (a code block inside a quote). Returns the body and the length consumed, or runs to the end
 * of the message when the fence is never closed, as Zulip does.
 */
function splitBody(rest: string, fence: string): { body: string; consumed: number } {
  const lines = rest.split('\n');
  const inner: string[] = [];
  let offset = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const match = FENCE_LINE.exec(line);
    if (match) {
      const [, marker, info] = match;
      const closesOuter =
        info.trim() === '' && marker[0] === fence[0] && marker.length >= fence.length;
      if (inner.length === 0 && closesOuter) {
        const consumed = offset + line.length + (i < lines.length - 1 ? 1 : 0);
        return { body: rest.slice(0, Math.max(0, offset - 1)), consumed };
      }
      if (info.trim() === '' && inner.length > 0 && marker[0] === inner[inner.length - 1][0]) {
        inner.pop();
      } else {
        inner.push(marker);
      }
    }
    offset += line.length + 1;
  }
  return { body: rest, consumed: rest.length };
}

/** Zulip's ```` ```quote ```` and ```` ```spoiler Header ```` blocks. */
export const fencedContainers: TokenizerAndRendererExtension = {
  name: 'fencedContainer',
  level: 'block',
  childTokens: ['header', 'tokens'],
  start: (src) => src.search(/(^|\n) {0,3}(`{3,}|~{3,})[ \t]*(quote|spoiler)/),
  tokenizer(src): ContainerToken | undefined {
    const open = OPENING.exec(src);
    if (!open) return undefined;
    const [opening, fence, kindText, headerText] = open;
    const kind = kindText === 'quote' ? 'quote' : 'spoiler';
    const { body, consumed } = splitBody(src.slice(opening.length), fence);
    return nestedBlock(() => ({
      type: 'fencedContainer',
      raw: src.slice(0, opening.length + consumed),
      kind,
      header: kind === 'spoiler' && headerText ? this.lexer.blockTokens(headerText.trim(), []) : [],
      tokens: this.lexer.blockTokens(body, []),
    }));
  },
  renderer(token) {
    const container = token as ContainerToken;
    const body = this.parser.parse(container.tokens);
    if (container.kind === 'quote') return `<blockquote>\n${body}</blockquote>\n`;
    return (
      `<div class="spoiler-block"><div class="spoiler-header">\n${this.parser.parse(container.header)}` +
      `</div><div class="spoiler-content" aria-hidden="true">\n${body}</div></div>\n`
    );
  },
};
