import TurndownService from 'turndown';
import { purifyModule } from '@hub/markdown/native-modules';

/** What the rules read of turndown's nodes (its types name the DOM, which the server lacks). */
interface MailNode {
  nodeName: string;
  getAttribute(name: string): string | null;
  parentNode: MailNode | null;
  nextSibling: unknown;
  children: ArrayLike<unknown>;
}
const asNode = (node: unknown) => node as MailNode;

/** Only these link targets survive; any other link keeps its text alone. */
const SAFE_HREF = /^(https?:|mailto:)/i;

const turndown = new TurndownService({
  headingStyle: 'atx',
  bulletListMarker: '-',
  codeBlockStyle: 'fenced',
  emDelimiter: '*',
  strongDelimiter: '**',
  hr: '---',
  br: '',
});
turndown.remove(['script', 'style', 'head', 'title', 'template', 'noscript']);
turndown.addRule('linksToWebOrMailOnly', {
  filter: (node) =>
    asNode(node).nodeName === 'A' && !SAFE_HREF.test(asNode(node).getAttribute('href') ?? ''),
  replacement: (content) => content,
});
turndown.addRule('imagesAsTheirAltText', {
  filter: 'img',
  replacement: (_content, node) => asNode(node).getAttribute('alt') ?? '',
});
// Zulip's Markdown wants one space after a list marker (turndown's default is three).
turndown.addRule('compactListItems', {
  filter: 'li',
  replacement: (content, node) => {
    const item = asNode(node);
    const parent = item.parentNode;
    const index = parent ? Array.prototype.indexOf.call(parent.children, item) : 0;
    const marker = parent?.nodeName === 'OL' ? `${index + 1}.` : '-';
    const body = content
      .replace(/^\n+/, '')
      .replace(/\n+$/, '\n')
      .replace(/\n/gm, `\n${' '.repeat(marker.length + 1)}`);
    return `${marker} ${body}${item.nextSibling && !/\n$/.test(body) ? '\n' : ''}`;
  },
});

/**
 * An email's HTML part as Zulip Markdown (what Zulip does with html2text for `prefer-html` and
 * HTML-only emails): paragraphs, line breaks, emphasis, links, lists, quotes and code survive,
 * text that looks like Markdown is escaped, and DOMPurify removes every unsafe tag first.
 */
export function htmlToMarkdown(html: string): string {
  const clean = purifyModule.sanitize(html, { WHOLE_DOCUMENT: false });
  return turndown
    .turndown(clean)
    .split('\n')
    .map((line) => line.replace(/[ \t]+$/, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
