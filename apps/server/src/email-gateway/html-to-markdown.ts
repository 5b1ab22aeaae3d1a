import { purifyModule } from '@hub/markdown/native-modules';

/** The little of the DOM the conversion reads (jsdom's nodes, through DOMPurify). */
interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
  getAttribute?(name: string): string | null;
}

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

const BLOCKS = new Set([
  'P',
  'DIV',
  'SECTION',
  'ARTICLE',
  'HEADER',
  'FOOTER',
  'TABLE',
  'TR',
  'UL',
  'OL',
  'DL',
  'FORM',
  'CENTER',
  'ADDRESS',
]);
const DROPPED = new Set(['SCRIPT', 'STYLE', 'HEAD', 'TITLE', 'TEMPLATE', 'NOSCRIPT']);

/** Markdown's inline punctuation, escaped so email text is not read as formatting. */
function escapeText(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/([\\`*_[\]#|<>~$])/g, '\\$1');
}

function children(node: DomNode, listDepth: number): string {
  let out = '';
  for (let i = 0; i < node.childNodes.length; i++) out += convert(node.childNodes[i], listDepth);
  return out;
}

function convert(node: DomNode, listDepth: number): string {
  if (node.nodeType === TEXT_NODE) return escapeText(node.textContent ?? '');
  if (node.nodeType !== ELEMENT_NODE) return '';
  const name = node.nodeName.toUpperCase();
  if (DROPPED.has(name)) return '';
  const inner = () => children(node, listDepth);
  switch (name) {
    case 'BR':
      return '\n';
    case 'HR':
      return '\n\n---\n\n';
    case 'B':
    case 'STRONG': {
      const text = inner().trim();
      return text ? `**${text}**` : '';
    }
    case 'I':
    case 'EM': {
      const text = inner().trim();
      return text ? `*${text}*` : '';
    }
    case 'CODE':
      return `\`${(node.textContent ?? '').replace(/`/g, "'")}\``;
    case 'PRE':
      return `\n\n\`\`\`\n${(node.textContent ?? '').replace(/```/g, "'''").replace(/\n+$/, '')}\n\`\`\`\n\n`;
    case 'A': {
      const text = inner().trim();
      const href = node.getAttribute?.('href') ?? '';
      if (!/^(https?:|mailto:)/i.test(href)) return text;
      const target = href.replace(/[()\s]/g, (c) => encodeURIComponent(c));
      return text && text !== escapeText(href) ? `[${text}](${target})` : target;
    }
    case 'IMG': {
      const alt = node.getAttribute?.('alt') ?? '';
      return alt ? escapeText(alt) : '';
    }
    case 'H1':
    case 'H2':
    case 'H3':
    case 'H4':
    case 'H5':
    case 'H6':
      return `\n\n${'#'.repeat(Number(name[1]))} ${inner().trim()}\n\n`;
    case 'BLOCKQUOTE': {
      const text = inner().trim();
      return `\n\n${text
        .split('\n')
        .map((line) => `> ${line}`)
        .join('\n')}\n\n`;
    }
    case 'LI':
      return `\n${'  '.repeat(Math.max(0, listDepth - 1))}- ${inner().trim()}`;
    case 'UL':
    case 'OL':
      return `\n${children(node, listDepth + 1)}\n\n`;
    case 'TD':
    case 'TH':
      return `${inner().trim()} `;
    default:
      return BLOCKS.has(name) ? `\n\n${inner()}\n\n` : inner();
  }
}

/**
 * An email's HTML part as Zulip Markdown (what Zulip does with html2text for `prefer-html` and
 * HTML-only emails): paragraphs, line breaks, emphasis, links, lists, quotes and code survive;
 * scripts, styles and every other tag go. DOMPurify parses it, so no markup reaches the message.
 */
export function htmlToMarkdown(html: string): string {
  const body = purifyModule.sanitize(html, { RETURN_DOM: true, WHOLE_DOCUMENT: false });
  return children(body as unknown as DomNode, 0)
    .split('\n')
    .map((line) => line.replace(/[ \t]+$/, '').replace(/^ (?=\S)/, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
