import DOMPurify from 'dompurify';

const cache = new Map<string, string>();

/**
 * Message HTML from the server is sanitized there already; it is sanitized again here, in the
 * browser that will parse it, before it touches the DOM (links open safely in a new tab).
 */
export function safeHtml(html: string): string {
  const hit = cache.get(html);
  if (hit !== undefined) return hit;
  const clean = DOMPurify.sanitize(html);
  if (cache.size > 5000) cache.clear();
  cache.set(html, clean);
  return clean;
}

// Set once: a configuration passed to each call is parsed again on every call.
DOMPurify.setConfig({
  USE_PROFILES: { html: true },
  FORBID_TAGS: ['style', 'form', 'input', 'button', 'textarea', 'select'],
  FORBID_ATTR: ['style'],
});

DOMPurify.addHook('afterSanitizeAttributes', (node) => {
  if (node.tagName === 'A' && node.getAttribute('href')) {
    const href = node.getAttribute('href') ?? '';
    if (!href.startsWith('#')) {
      node.setAttribute('target', '_blank');
      node.setAttribute('rel', 'noopener noreferrer');
    }
  }
});
