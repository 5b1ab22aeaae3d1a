import type { Config } from 'isomorphic-dompurify';
import { purifyModule } from './native-modules';

/** Exactly the tags the renderer emits. Anything else (script, svg, math, iframe, style...) goes. */
const ALLOWED_TAGS = [
  'a',
  'blockquote',
  'br',
  'code',
  'del',
  'div',
  'em',
  'img',
  'li',
  'ol',
  'p',
  'pre',
  'span',
  'strong',
  'table',
  'tbody',
  'td',
  'th',
  'thead',
  'tr',
  'ul',
];

/** Attributes whose values are not URLs. */
const PLAIN_ATTRIBUTES = [
  'align',
  'aria-hidden',
  'aria-label',
  'data-code-language',
  'data-stream-id',
  'data-user-group-id',
  'data-user-id',
  'rel',
  'start',
  'target',
];

/** href and src: http(s), mailto, or a path on the realm. No javascript:, vbscript: or data:. */
const CONFIG_URI = /^(?:(?:https?|mailto):|\/|#)/i;

const CONFIG: Config = {
  ALLOWED_TAGS,
  ALLOWED_ATTR: [...PLAIN_ATTRIBUTES, 'alt', 'class', 'href', 'role', 'src', 'title'],
  ADD_URI_SAFE_ATTR: PLAIN_ATTRIBUTES,
  ALLOWED_URI_REGEXP: CONFIG_URI,
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  ALLOW_UNKNOWN_PROTOCOLS: false,
  KEEP_CONTENT: true,
  RETURN_DOM: false,
  RETURN_DOM_FRAGMENT: false,
};

/**
 * Text the parser keeps as it is and DOMPurify prints back with only `&quot;` and `&#39;` changed:
 * no `<` or `>`, only the entities the renderer writes, nothing the parser rewrites (NUL,
 * carriage return) or prints as an entity (no-break space).
 */
const PLAIN_TEXT = /^(?:[^<>&\u00a0\r\0]|&(?:amp|lt|gt|quot|#39);)*$/;

/** One tag with quoted attributes, or a run of text. */
const TOKEN = /<(\/?)([a-z]+)((?: [a-z-]+="[^"<>]*")*)>|([^<>]+)/y;
const ATTRIBUTE = / ([a-z-]+)="([^"]*)"/g;

/**
 * Attribute values printed back unchanged: no quote of either kind (DOMPurify prints `'` for
 * `&#39;`), no angle bracket, no character the parser or serializer rewrites, and `&amp;` as the
 * only entity.
 */
const PLAIN_VALUE = /^(?:[^"'<>&\u00a0\r\n\t\0]|&amp;)*$/;
const URL_VALUE = /^(?:[^"'<>&\u00a0\s\0]|&amp;)*$/;

/** Tags the parser never moves or closes inside one another, as they nest below. */
const BLOCKS = new Set(['blockquote', 'div', 'li', 'ol', 'p', 'pre', 'ul']);
const INLINE = new Set(['a', 'code', 'del', 'em', 'span', 'strong']);
const VOID = new Set(['br', 'img']);
const FAST_ATTRIBUTES = new Set([...PLAIN_ATTRIBUTES, 'alt', 'class', 'role', 'title']);
const URL_ATTRIBUTES = new Set(['href', 'src']);

/**
 * Markup that cannot carry script whatever the browser does with it, and that DOMPurify would
 * print back unchanged: the renderer's usual output (plain text, emphasis, lists, quotes, links,
 * mentions, emoji, image previews, code blocks). Allow-listed tags
 * nested the way the HTML parser leaves them (no block inside a paragraph or an inline element,
 * list items only in lists, no link in a link, no line break right after `<pre>`, which the
 * parser drops, every tag closed in order), allow-listed
 * attributes with plain values, and URLs DOMPurify accepts. Such markup parses to exactly these
 * elements, so DOMPurify would keep all of it and print it back the same: it can skip the parse.
 */
function isInertMarkup(html: string): boolean {
  const open: string[] = [];
  let afterPre = false;
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < html.length) {
    const token = TOKEN.exec(html);
    if (!token) return false;
    const [, closing, tag, attributes, text] = token;
    const startsPre = afterPre;
    afterPre = !closing && tag === 'pre';
    if (text !== undefined) {
      if (!PLAIN_TEXT.test(text) || (startsPre && text.startsWith('\n'))) return false;
    } else if (closing) {
      if (attributes || open.pop() !== tag) return false;
    } else {
      if (!canOpen(tag, open) || !plainAttributes(attributes)) return false;
      if (!VOID.has(tag)) open.push(tag);
    }
  }
  return open.length === 0;
}

function canOpen(tag: string, open: readonly string[]): boolean {
  const parent = open.at(-1);
  if (VOID.has(tag)) return true;
  if (INLINE.has(tag)) return tag !== 'a' || !open.includes('a');
  if (!BLOCKS.has(tag)) return false;
  // A block closes an open paragraph, and has no place inside an inline element.
  if (open.some((t) => t === 'p' || INLINE.has(t))) return false;
  if (tag === 'li') return parent === 'ul' || parent === 'ol';
  return parent !== 'ul' && parent !== 'ol';
}

function plainAttributes(attributes: string): boolean {
  const seen = new Set<string>();
  for (const [, name, value] of attributes.matchAll(ATTRIBUTE)) {
    if (seen.has(name)) return false;
    seen.add(name);
    if (URL_ATTRIBUTES.has(name)) {
      if (!URL_VALUE.test(value) || !CONFIG_URI.test(value.replace(/&amp;/g, '&'))) return false;
    } else if (!FAST_ATTRIBUTES.has(name) || !PLAIN_VALUE.test(value)) {
      return false;
    }
  }
  return true;
}

/** Whether `sanitizeHtml` may print this markup without parsing it (see above). */
export function skipsDomParse(html: string): boolean {
  return isInertMarkup(html);
}

/**
 * Last line of defence: the renderer escapes all user text, and this drops anything it missed.
 * Markup that is provably inert (above) skips the DOM parse (the bulk of a message's rendering
 * cost) and comes out as DOMPurify would print it; anything else goes through DOMPurify.
 */
export function sanitizeHtml(html: string): string {
  if (skipsDomParse(html)) {
    return html.replace(/&quot;/g, '"').replace(/&#39;/g, "'");
  }
  return purifyHtml(html);
}

/** DOMPurify with the renderer's allow-list. */
export function purifyHtml(html: string): string {
  return purifyModule.sanitize(html, CONFIG);
}
