import { decodeHtmlEntities } from '@hub/markdown/html';
/**
 * HTML that services put in their payloads (ticket descriptions, conversation bodies, notes) as
 * Zulip Markdown: paragraphs and line breaks, links, images (a link named after the file),
 * emphasis, inline code, list items; every other tag dropped, entities decoded. Not a general
 * HTML parser: it reads the small, well-formed HTML help desks generate.
 */

/** Entities decoded, with no-break spaces as plain ones (Markdown would keep them otherwise). */
function decodeEntities(text: string): string {
  return decodeHtmlEntities(text).replace(/\u00a0/g, ' ');
}

function attribute(tag: string, name: string): string | null {
  const match = new RegExp(`\\s${name}\\s*=\\s*("([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
  return match ? decodeEntities(match[2] ?? match[3] ?? match[4] ?? '') : null;
}

/** The last part of a URL's path: what an inline image is called. */
function fileName(url: string): string {
  const path = url.split(/[?#]/)[0];
  return decodeURIComponent(path.slice(path.lastIndexOf('/') + 1)) || 'image';
}

export function htmlToMarkdown(html: string): string {
  const text = html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, '')
    // Source line breaks are not breaks in HTML.
    .replace(/\s*\n\s*/g, ' ')
    .replace(/<a\b[^>]*>([\s\S]*?)<\/a>/gi, (whole, inner: string) => {
      const href = attribute(whole.slice(0, whole.indexOf('>') + 1), 'href');
      const label = inner.replace(/<[^>]*>/g, '').trim();
      if (!href) return label;
      return label && label !== href ? `[${label}](${href})` : href;
    })
    .replace(/<img\b[^>]*>/gi, (tag) => {
      const src = attribute(tag, 'src');
      return src ? `[${attribute(tag, 'alt') || fileName(src)}](${src})` : '';
    })
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<li\b[^>]*>/gi, '\n* ')
    .replace(/<\/?(p|div|ul|ol|h[1-6]|blockquote|pre|table|tr)\b[^>]*>/gi, '\n\n')
    .replace(/<\/?(strong|b)\b[^>]*>/gi, '**')
    .replace(/<\/?(em|i)\b[^>]*>/gi, '*')
    .replace(/<\/?code\b[^>]*>/gi, '`')
    .replace(/<[^>]*>/g, '');
  return decodeEntities(text)
    .split('\n')
    .map((line) => line.replace(/[ \t]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
