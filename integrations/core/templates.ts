import * as fs from 'node:fs';
import * as path from 'node:path';
import Handlebars from 'handlebars';
import {
  blockQuote,
  codeBlock,
  commitLink,
  countOf,
  inlineCode,
  joinNames,
  link,
  shortSha,
} from './text';

/**
 * Handlebars templates for message bodies. Each integration keeps its own under
 * `integrations/<name>/templates/<template>.hbs`; an operator overrides one by dropping a file with
 * the same name into `$WEBHOOK_TEMPLATE_DIR/<name>/`. Output is Markdown, so nothing is HTML-escaped.
 */
const engine = Handlebars.create();

/**
 * The shared text (core/text.ts) as helpers named like its functions: `{{link title url}}`,
 * `{{commitLink sha url}}`, `{{shortSha sha}}`, `{{inlineCode name}}`, `{{blockQuote body}}`,
 * `{{codeBlock text "python"}}`,
 * `{{countOf n "commit"}}`, `{{joinNames people}}`. (Names that no payload field is likely to
 * have: a bare `{{name}}` calls a helper of that name before it reads the context.)
 */
const str = (v: unknown) => (v === undefined || v === null ? '' : String(v));

/**
 * Registers a helper; used bare (`{{shortSha}}`, no arguments) it reads the context's field of
 * that name instead, so a template whose data has such a field is not surprised.
 */
function helper(name: string, fn: (...args: unknown[]) => string): void {
  engine.registerHelper(name, function (this: unknown, ...args: unknown[]) {
    const params = args.slice(0, -1);
    if (params.length === 0) {
      const field = (this as Record<string, unknown> | null)?.[name];
      return field === undefined || field === null ? '' : field;
    }
    return fn(...params);
  });
}

helper('link', (text, url) => link(str(text), str(url)));
helper('commitLink', (sha, url) => commitLink(str(sha), str(url)));
helper('shortSha', (sha) => shortSha(str(sha)));
helper('inlineCode', (text) => inlineCode(str(text)));
helper('blockQuote', (text) => blockQuote(str(text)));
helper('codeBlock', (text, language) =>
  codeBlock(str(text), typeof language === 'string' ? language : ''),
);
helper('countOf', (n, singular, plural) =>
  countOf(Number(n), str(singular), typeof plural === 'string' ? plural : undefined),
);
helper('joinNames', (names) => joinNames(Array.isArray(names) ? names.map(str) : []));

const cache = new Map<string, Handlebars.TemplateDelegate>();
/** The operator's template directory (the gateway sets it from WEBHOOK_TEMPLATE_DIR). */
let overrideDir: string | undefined;

/**
 * Takes overrides from `<dir>/<integration>/<template>.hbs` (undefined: none) and forgets the
 * compiled templates, so the change takes effect at once.
 */
export function useTemplateOverrides(dir: string | undefined): void {
  overrideDir = dir;
  cache.clear();
}

function locate(integration: string, template: string): string {
  if (overrideDir) {
    const override = path.join(overrideDir, integration, `${template}.hbs`);
    if (fs.existsSync(override)) return override;
  }
  return path.join(__dirname, '..', integration, 'templates', `${template}.hbs`);
}

export function render(integration: string, template: string, context: object): string {
  const file = locate(integration, template);
  let compiled = cache.get(file);
  if (!compiled) {
    compiled = engine.compile(fs.readFileSync(file, 'utf8'), { noEscape: true, strict: false });
    cache.set(file, compiled);
  }
  return compiled(context)
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
