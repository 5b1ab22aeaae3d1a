import type { RendererObject } from 'marked';
import { escapeHtml } from './html';
import { MAX_INLINE_IMAGES } from './limits';
import { currentSession, type RenderSession } from './session';
import { resolveLink } from './urls';
import { codeLanguageName } from './code-languages';

const EXTERNAL = ' target="_blank" rel="noopener noreferrer"';

/** Renderer overrides producing Zulip's HTML. Every piece of user text goes through escapeHtml. */
export const zulipRenderer: RendererObject = {
  text(token) {
    if ('tokens' in token && token.tokens) return this.parser.parseInline(token.tokens);
    const session = currentSession();
    noteAlertWords(session, token.text);
    const segments = session.linkDepth === 0 ? session.linkified.get(token) : undefined;
    if (!segments) return escapeHtml(token.text);
    return segments
      .map((segment) => {
        if (segment.href === undefined) return escapeHtml(segment.text);
        session.hasLink = true;
        return `<a href="${escapeHtml(segment.href)}"${EXTERNAL}>${escapeHtml(segment.text)}</a>`;
      })
      .join('');
  },

  link(token) {
    const session = currentSession();
    session.linkDepth += 1;
    const inner = this.parser.parseInline(token.tokens);
    session.linkDepth -= 1;
    return renderLink(session, token.href, inner, token.title);
  },

  image(token) {
    return renderLink(currentSession(), token.href, escapeHtml(token.text), token.title);
  },

  paragraph(token) {
    return `<p>${this.parser.parseInline(token.tokens)}</p>\n${flushImages(currentSession())}`;
  },

  listitem(item) {
    return `<li>${this.parser.parse(item.tokens)}${flushImages(currentSession())}</li>\n`;
  },

  checkbox(token) {
    return token.checked ? '[x] ' : '[ ] ';
  },

  code(token) {
    const language = (token.lang ?? '').trim().split(/\s+/)[0];
    const languageAttr = language
      ? ` data-code-language="${escapeHtml(codeLanguageName(language))}"`
      : '';
    const text = token.text.endsWith('\n') ? token.text : `${token.text}\n`;
    return `<div class="codehilite"${languageAttr}><pre><span></span><code>${escapeHtml(text)}</code></pre></div>\n`;
  },

  br() {
    return '<br>\n';
  },

  codespan(token) {
    return `<code>${escapeHtml(token.text)}</code>`;
  },

  html(token) {
    return escapeHtml(token.text);
  },
};

/**
 * A user-written link. Unsafe targets render as their text only; images and uploads are noted,
 * and image links get a preview after their paragraph when the realm enables previews.
 */
function renderLink(
  session: RenderSession,
  rawHref: string,
  innerHtml: string,
  title: string | null | undefined,
): string {
  const target = resolveLink(rawHref, session.ctx.realmUrl);
  if (!target) return innerHtml;
  session.hasLink = true;
  if (target.isUpload) session.hasAttachment = true;
  if (target.uploadPathId !== undefined) session.uploadPathIds.add(target.uploadPathId);
  if (target.isImage) {
    session.hasImage = true;
    if (session.ctx.inlineImagePreview && session.imageCount < MAX_INLINE_IMAGES) {
      session.imageCount += 1;
      session.pendingImages.push({ href: target.href });
    }
  }
  const text = innerHtml === '' ? escapeHtml(target.href) : innerHtml;
  const titleAttr = title ? ` title="${escapeHtml(title)}"` : '';
  const extra = target.external ? EXTERNAL : '';
  return `<a href="${escapeHtml(target.href)}"${extra}${titleAttr}>${text}</a>`;
}

/** The inline image previews collected since the last flush, in Zulip's markup. */
export function flushImages(session: RenderSession): string {
  const html = session.pendingImages
    .map(
      ({ href }) =>
        `<div class="message_inline_image"><a href="${escapeHtml(href)}"><img src="${escapeHtml(href)}"></a></div>`,
    )
    .join('');
  session.pendingImages = [];
  return html ? `${html}\n` : '';
}

function noteAlertWords(session: RenderSession, text: string): void {
  for (const word of session.ctx.alertWords ?? []) {
    if (session.alertWordsMatched.has(word) || word.trim() === '') continue;
    if (containsWord(text, word.trim())) session.alertWordsMatched.add(word);
  }
}

function containsWord(text: string, word: string): boolean {
  const haystack = text.toLowerCase();
  const needle = word.toLowerCase();
  const isWordChar = (ch: string | undefined) => ch !== undefined && /[\p{L}\p{N}_]/u.test(ch);
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + 1)) {
    if (!isWordChar(haystack[at - 1]) && !isWordChar(haystack[at + needle.length])) return true;
  }
  return false;
}
