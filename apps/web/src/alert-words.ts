/** Alert words in message text: where they stand, to highlight them as Zulip does. */

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A case-insensitive pattern for the words, each matched whole (not inside a longer word),
 * longest first so "on call" wins over "call"; null when there are none.
 */
export function alertWordPattern(words: string[]): RegExp | null {
  const clean = [...new Set(words.map((w) => w.trim()).filter(Boolean))].sort(
    (a, b) => b.length - a.length,
  );
  if (clean.length === 0) return null;
  return new RegExp(
    `(?<![\\p{L}\\p{N}_])(?:${clean.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}_])`,
    'giu',
  );
}

/** The text cut into runs, each marked whether it is an alert word. */
export function splitAlertWords(
  text: string,
  pattern: RegExp | null,
): Array<{ text: string; alert: boolean }> {
  if (!pattern) return [{ text, alert: false }];
  const runs: Array<{ text: string; alert: boolean }> = [];
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    const at = match.index ?? 0;
    if (at > last) runs.push({ text: text.slice(last, at), alert: false });
    runs.push({ text: match[0], alert: true });
    last = at + match[0].length;
  }
  if (last < text.length || runs.length === 0) runs.push({ text: text.slice(last), alert: false });
  return runs;
}

/** Wraps each alert word in the element's text (not in code or links) in `<mark class="alert-word">`. */
export function markAlertWords(root: HTMLElement, words: string[]): void {
  const pattern = alertWordPattern(words);
  if (!pattern) return;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!(node.parentElement?.closest('code, pre, a, mark') ?? null)) nodes.push(node as Text);
  }
  for (const node of nodes) {
    const runs = splitAlertWords(node.data, pattern);
    if (!runs.some((r) => r.alert)) continue;
    const parts = runs.map((r) => {
      if (!r.alert) return document.createTextNode(r.text);
      const mark = document.createElement('mark');
      mark.className = 'alert-word';
      mark.textContent = r.text;
      return mark;
    });
    node.replaceWith(...parts);
  }
}
