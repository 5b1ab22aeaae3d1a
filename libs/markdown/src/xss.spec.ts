import { renderMarkdown } from './index';
import { purifyModule } from './native-modules';
import { testContext } from './test-context';
import { xssCorpus } from './xss-corpus';

/** The parts of jsdom's DOM this spec reads (DOMPurify's typings use the browser DOM). */
interface InspectedElement {
  tagName: string;
  attributes: ArrayLike<{ name: string; value: string }>;
}
interface TemplateElement {
  innerHTML: string;
  content: { querySelectorAll(selector: string): ArrayLike<InspectedElement> };
}
interface DocumentLike {
  createElement(tag: 'template'): TemplateElement;
}

// DOMPurify's own jsdom document: parsing into a <template> never runs scripts.
const body: { ownerDocument: DocumentLike } = purifyModule.sanitize('', { RETURN_DOM: true });
const document = body.ownerDocument;

const ALLOWED_TAGS = new Set(
  'a blockquote br code del div em img li ol p pre span strong table tbody td th thead tr ul'.split(
    ' ',
  ),
);
const SAFE_URL = /^(?:https?:|mailto:|\/|#)/i;
const URL_ATTRIBUTES = new Set([
  'href',
  'src',
  'action',
  'formaction',
  'xlink:href',
  'data',
  'srcset',
]);

/** Every problem found in the rendered HTML, as readable strings. */
function findProblems(html: string): string[] {
  const problems: string[] = [];
  if (/<\s*(script|svg|math|iframe|object|embed|style)/i.test(html))
    problems.push('dangerous tag text');
  const template = document.createElement('template');
  template.innerHTML = html;
  for (const element of Array.from(template.content.querySelectorAll('*'))) {
    const tag = element.tagName.toLowerCase();
    if (!ALLOWED_TAGS.has(tag)) problems.push(`element <${tag}>`);
    for (const { name, value } of Array.from(element.attributes)) {
      const attr = name.toLowerCase();
      if (attr.startsWith('on')) problems.push(`handler ${attr} on <${tag}>`);
      if (attr === 'style' || attr === 'srcdoc') problems.push(`${attr} on <${tag}>`);
      const compact = value.replace(
        /[\u0000-\u0020\u007f-\u009f\u00ad\u200b-\u200f\u2028\u2029\ufeff]/g,
        '',
      );
      if (/^(?:javascript|vbscript|data):/i.test(compact)) problems.push(`${attr}=${value}`);
      if (URL_ATTRIBUTES.has(attr) && !SAFE_URL.test(compact))
        problems.push(`unsafe ${attr}=${value}`);
    }
  }
  return problems;
}

describe('XSS corpus', () => {
  it('has at least 100 vectors', () => {
    expect(xssCorpus.length).toBeGreaterThanOrEqual(100);
  });

  it.each(xssCorpus.map((vector) => [vector.name, vector] as const))('%s', (_name, vector) => {
    const result = renderMarkdown(vector.content, { ...testContext, ...vector.context });
    expect(findProblems(result.html)).toEqual([]);
  });
});

describe('the checker itself', () => {
  it('catches what it is meant to catch', () => {
    expect(findProblems('<p onclick="x">a</p>')).toEqual(['handler onclick on <p>']);
    expect(findProblems('<a href="java\tscript:alert(1)">x</a>')).toContain(
      'href=java\tscript:alert(1)',
    );
    expect(findProblems('<svg></svg>')).toEqual(['dangerous tag text', 'element <svg>']);
    expect(findProblems('<img src="data:image/png;base64,AA">')).toHaveLength(2);
    expect(findProblems('<a href="https://example.com">ok</a>')).toEqual([]);
  });
});
