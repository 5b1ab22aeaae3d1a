import type { Token, Tokens } from 'marked';
import { fencedContainers } from './fenced-containers';
import { linkifyTexts } from './linkifiers';
import { inlineExtensions } from './inline-syntax';
import { MAX_INPUT_CHARS } from './limits';
import { markedModule } from './native-modules';
import { flushImages, zulipRenderer } from './renderer';
import { sanitizeHtml } from './sanitize';
import { currentSession, RenderSession, withSession } from './session';
import { ZulipTokenizer } from './tokenizer';
import type { RenderContext, RenderResult } from './types';

const parser = new markedModule.Marked({ async: false, gfm: true, breaks: true });
parser.use({
  extensions: [fencedContainers, ...inlineExtensions],
  renderer: zulipRenderer,
  hooks: { processAllTokens: linkifyMessage },
});
// Set after use(): use() only copies enumerable tokenizer methods, which a subclass's are not.
parser.setOptions({ tokenizer: new ZulipTokenizer() });

/** Runs the realm's linkifiers over all plain text of the message in one bounded pass. */
function linkifyMessage<T extends Token[]>(tokens: T): T {
  const session = currentSession();
  if (session.linkifiers.length === 0) return tokens;
  const texts: Tokens.Text[] = [];
  parser.walkTokens(tokens, (token) => {
    if (isPlainText(token)) texts.push(token);
  });
  const segments = linkifyTexts(
    texts.map((token) => token.text),
    session.linkifiers,
  );
  texts.forEach((token, i) => session.linkified.set(token, segments[i]));
  return tokens;
}

function isPlainText(token: Token): token is Tokens.Text {
  return token.type === 'text' && !token.tokens;
}

/** The renderer's own HTML, before sanitizing (exported for the sanitizer's tests). */
export function renderUnsanitized(source: string, session: RenderSession): string {
  return withSession(session, () => parser.parse(source, { async: false }) + flushImages(session));
}

/**
 * Renders a message in Zulip's Markdown dialect to sanitized HTML and reports what the server
 * needs for flags and search: mentions, wildcards, links, images, attachments, /me, alert words.
 * Pure and synchronous: every lookup comes from ctx, which the caller prefetches.
 */
export function renderMarkdown(content: string, ctx: RenderContext): RenderResult {
  const truncated = content.length > MAX_INPUT_CHARS;
  const source = truncated ? content.slice(0, MAX_INPUT_CHARS) : content;
  const session = new RenderSession(ctx);
  const rawHtml = renderUnsanitized(source, session);
  return {
    html: sanitizeHtml(rawHtml).trim(),
    mentionedUserIds: [...session.mentionedUserIds],
    silentMentionedUserIds: [...session.silentMentionedUserIds].filter(
      (id) => !session.mentionedUserIds.has(id),
    ),
    mentionedGroupIds: [...session.mentionedGroupIds],
    wildcardMention: session.wildcardMention,
    streamWildcardMentioned: session.streamWildcardMentioned,
    topicWildcardMentioned: session.topicWildcardMentioned,
    hasLink: session.hasLink,
    hasImage: session.hasImage,
    hasAttachment: session.hasAttachment,
    uploadPathIds: [...session.uploadPathIds],
    isMeMessage: /^\/me /.test(source) && !source.includes('\n'),
    alertWordsMatched: [...session.alertWordsMatched],
    truncated,
  };
}
