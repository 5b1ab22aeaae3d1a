/**
 * Rendering times for typical and hostile messages. Not part of `npm test` (no timed assertions).
 * Run: npm run build && node dist/libs/markdown/bench/markdown.bench.js
 */
import { performance } from 'node:perf_hooks';
import { renderMarkdown, type RenderContext } from '@hub/markdown';

const context: RenderContext = {
  realmUrl: 'https://chat.example.com',
  users: [{ id: 5, fullName: 'Ada Lovelace' }],
  streams: [{ id: 3, name: 'general' }],
  linkifiers: [
    { pattern: '#(?P<id>[0-9]+)', urlTemplate: 'https://github.com/org/repo/issues/{id}' },
  ],
  inlineImagePreview: true,
};
const slowLinkifier: RenderContext = {
  ...context,
  linkifiers: [{ pattern: '(?<x>a*a*a*a*a*a*b)', urlTemplate: 'https://e.org/{x}' }],
};

const cases: Array<[string, string, RenderContext]> = [
  ['short message', 'Hi @**Ada Lovelace**, see #12 and https://example.com/a.png :smile:', context],
  [
    '10k chars of prose',
    'The *quick* brown fox, see #42 in #**general**. '.repeat(210).slice(0, 10_000),
    context,
  ],
  ['10k code block', '```python\n' + 'print("hello")\n'.repeat(660) + '```', context],
  ['10,000 >', '>'.repeat(10_000) + ' x', context],
  ['10,000 *', '*'.repeat(10_000), context],
  ['5,000 *_', '*_'.repeat(5_000), context],
  ['5,000 line breaks', 'a\n'.repeat(5_000), context],
  ['10,000 [', '['.repeat(10_000), context],
  ['catastrophic linkifier', 'a'.repeat(10_000) + '!', slowLinkifier],
];

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

renderMarkdown('warm *up*', context);
const rows = cases.map(([name, content, ctx]) => {
  const times: number[] = [];
  let outputChars = 0;
  for (let run = 0; run < 5; run++) {
    const started = performance.now();
    outputChars = renderMarkdown(content, ctx).html.length;
    times.push(performance.now() - started);
  }
  return {
    case: name,
    'input chars': content.length,
    'output chars': outputChars,
    'median ms': median(times).toFixed(1),
  };
});
console.table(rows);
