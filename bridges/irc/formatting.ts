import type * as MarkedModule from 'marked';
import type { Token, Tokens } from 'marked';
import { esmRequire } from '@hub/esm';

/**
 * Only marked is loaded (an ES module: see esmRequire): the markdown library's module also loads
 * DOMPurify and jsdom, seconds of start-up the bridge does not need.
 */
const markedModule = esmRequire<typeof MarkedModule>('marked');

/** IRC formatting control codes (the de-facto standard, modern.ircdocs.horse/formatting). */
export const IRC = {
  bold: '\x02',
  italic: '\x1d',
  underline: '\x1f',
  strike: '\x1e',
  mono: '\x11',
  color: '\x03',
  hexColor: '\x04',
  reverse: '\x16',
  reset: '\x0f',
} as const;

// Zulip mentions (`@**Jane Doe**`, `@_**Jane|12**`) and stream links (`#**dev>topic**`) read as text.
function zulipSyntaxToText(markdown: string): string {
  return markdown
    .replace(/@_?\*\*([^*|]+?)(?:\|\d+)?\*\*/g, '@$1')
    .replace(/#\*\*([^*>]+?)>([^*]+?)\*\*/g, '#$1 > $2')
    .replace(/#\*\*([^*]+?)\*\*/g, '#$1');
}

function decodeEntities(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

function wrap(code: string, inner: string): string {
  return inner.trim() === '' ? inner : `${code}${inner}${code}`;
}

function inline(tokens: Token[] | undefined): string {
  return (tokens ?? []).map(inlineToken).join('');
}

function inlineToken(token: Token): string {
  switch (token.type) {
    case 'strong':
      return wrap(IRC.bold, inline((token as Tokens.Strong).tokens));
    case 'em':
      return wrap(IRC.italic, inline((token as Tokens.Em).tokens));
    case 'del':
      return wrap(IRC.strike, inline((token as Tokens.Del).tokens));
    case 'codespan':
      return wrap(IRC.mono, decodeEntities((token as Tokens.Codespan).text));
    case 'br':
      return '\n';
    case 'link': {
      const link = token as Tokens.Link;
      const text = inline(link.tokens);
      // Links as bare URLs: IRC clients make those clickable.
      return text === link.href || text === '' ? link.href : `${text} <${link.href}>`;
    }
    case 'image':
      return (token as Tokens.Image).href;
    case 'escape':
      return (token as Tokens.Escape).text;
    case 'text': {
      const text = token as Tokens.Text;
      return text.tokens ? inline(text.tokens) : decodeEntities(text.text);
    }
    case 'html':
      return (token as Tokens.HTML).text;
    default:
      return 'raw' in token ? String(token.raw) : '';
  }
}

function block(token: Token, out: string[]): void {
  switch (token.type) {
    case 'space':
    case 'hr':
      return;
    case 'paragraph':
      out.push(...inline((token as Tokens.Paragraph).tokens).split('\n'));
      return;
    case 'heading':
      out.push(wrap(IRC.bold, inline((token as Tokens.Heading).tokens)));
      return;
    case 'code':
      out.push(...(token as Tokens.Code).text.split('\n'));
      return;
    case 'blockquote': {
      const inner: string[] = [];
      for (const child of (token as Tokens.Blockquote).tokens) block(child, inner);
      out.push(...inner.map((line) => `> ${line}`));
      return;
    }
    case 'list': {
      const list = token as Tokens.List;
      const start = typeof list.start === 'number' ? list.start : 1;
      list.items.forEach((item, i) => {
        const inner: string[] = [];
        for (const child of item.tokens) {
          if (child.type === 'text') inner.push(...inlineToken(child).split('\n'));
          else block(child, inner);
        }
        const bullet = list.ordered ? `${start + i}. ` : '- ';
        inner.forEach((line, j) => out.push(j === 0 ? `${bullet}${line}` : `  ${line}`));
      });
      return;
    }
    case 'table': {
      const table = token as Tokens.Table;
      out.push(table.header.map((cell) => inline(cell.tokens)).join(' | '));
      for (const row of table.rows) out.push(row.map((cell) => inline(cell.tokens)).join(' | '));
      return;
    }
    default:
      out.push(...inlineToken(token).split('\n'));
  }
}

/** Chat Markdown → IRC lines: bold, italics, strikethrough, monospace code, links as URLs. */
export function markdownToIrc(markdown: string): string[] {
  const out: string[] = [];
  for (const token of markedModule.lexer(zulipSyntaxToText(markdown))) block(token, out);
  return out.filter((line) => line.trim() !== '');
}

interface Style {
  bold: boolean;
  italic: boolean;
  mono: boolean;
  strike: boolean;
}

const PLAIN: Style = { bold: false, italic: false, mono: false, strike: false };

function markdownFor(text: string, style: Style): string {
  const core = text.trim();
  if (core === '') return text;
  const lead = text.slice(0, text.length - text.trimStart().length);
  const trail = text.slice(text.trimEnd().length);
  let body = style.mono ? `\`${core}\`` : core;
  if (style.strike) body = `~~${body}~~`;
  if (style.italic) body = `*${body}*`;
  if (style.bold) body = `**${body}**`;
  return `${lead}${body}${trail}`;
}

/**
 * IRC text → chat Markdown: bold, italics, strikethrough and monospace become Markdown; colors,
 * underline and reverse are dropped (chat has no equivalent); other control characters removed.
 */
export function ircToMarkdown(text: string): string {
  const runs: Array<{ text: string; style: Style }> = [];
  let style: Style = { ...PLAIN };
  let current = '';
  const flush = (): void => {
    if (current !== '') runs.push({ text: current, style: { ...style } });
    current = '';
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    const toggle = (key: keyof Style): void => {
      flush();
      style = { ...style, [key]: !style[key] };
    };
    if (ch === IRC.bold) toggle('bold');
    else if (ch === IRC.italic) toggle('italic');
    else if (ch === IRC.mono) toggle('mono');
    else if (ch === IRC.strike) toggle('strike');
    else if (ch === IRC.reset) {
      flush();
      style = { ...PLAIN };
    } else if (ch === IRC.color) {
      const match = /^\d{1,2}(?:,\d{1,2})?/.exec(text.slice(i + 1));
      if (match) i += match[0].length;
    } else if (ch === IRC.hexColor) {
      const match = /^[0-9a-fA-F]{6}(?:,[0-9a-fA-F]{6})?/.exec(text.slice(i + 1));
      if (match) i += match[0].length;
    } else if (ch === IRC.underline || ch === IRC.reverse) {
      continue;
    } else if (ch < ' ' && ch !== '\t') {
      continue;
    } else {
      current += ch;
    }
  }
  flush();
  // Merge neighbours with the same style so `\x02a\x02\x02b\x02` is one bold run.
  const merged: typeof runs = [];
  for (const run of runs) {
    const last = merged.at(-1);
    if (last && JSON.stringify(last.style) === JSON.stringify(run.style)) last.text += run.text;
    else merged.push({ ...run });
  }
  return merged.map((run) => markdownFor(run.text, run.style)).join('');
}
