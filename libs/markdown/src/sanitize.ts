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

const CONFIG: Config = {
  ALLOWED_TAGS,
  ALLOWED_ATTR: [...PLAIN_ATTRIBUTES, 'alt', 'class', 'href', 'role', 'src', 'title'],
  ADD_URI_SAFE_ATTR: PLAIN_ATTRIBUTES,
  // href and src: http(s), mailto, or a path on the realm. No javascript:, vbscript: or data:.
  ALLOWED_URI_REGEXP: /^(?:(?:https?|mailto):|\/|#)/i,
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  ALLOW_UNKNOWN_PROTOCOLS: false,
  KEEP_CONTENT: true,
  RETURN_DOM: false,
  RETURN_DOM_FRAGMENT: false,
};

/**
 * Markup that cannot carry script whatever the browser does with it: only attribute-free tags
 * that need no parser fix-ups, and text holding no `<`, no `>`, only the entities the renderer
 * writes, and nothing the HTML parser rewrites (NUL, carriage return) or prints as an entity
 * (no-break space). Most chat messages are exactly this (plain text, emphasis, lists, quotes).
 */
const INERT_MARKUP =
  /^(?:[^<>&\u00a0\r\0]|&(?:amp|lt|gt|quot|#39);|<\/?(?:p|strong|em|del|code|blockquote|ul|li)>|<br>)*$/;

/**
 * Last line of defence: the renderer escapes all user text, and this drops anything it missed.
 * Inert markup skips the DOM parse (the bulk of a message's rendering cost) and comes out as
 * DOMPurify would print it; anything else goes through DOMPurify.
 */
export function sanitizeHtml(html: string): string {
  if (INERT_MARKUP.test(html)) return html.replace(/&quot;/g, '"').replace(/&#39;/g, "'");
  return purifyHtml(html);
}

/** DOMPurify with the renderer's allow-list. */
export function purifyHtml(html: string): string {
  return purifyModule.sanitize(html, CONFIG);
}
