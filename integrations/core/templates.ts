import * as fs from 'node:fs';
import * as path from 'node:path';
import Handlebars from 'handlebars';

/**
 * Handlebars templates for message bodies. Each integration keeps its own under
 * `integrations/<name>/templates/<template>.hbs`; an operator overrides one by dropping a file with
 * the same name into `$WEBHOOK_TEMPLATE_DIR/<name>/`. Output is Markdown, so nothing is HTML-escaped.
 */
const engine = Handlebars.create();
const cache = new Map<string, Handlebars.TemplateDelegate>();

function locate(integration: string, template: string): string {
  const overrideDir = process.env.WEBHOOK_TEMPLATE_DIR;
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

/** Forgets compiled templates, so a changed override takes effect (tests, SIGHUP). */
export function clearTemplateCache(): void {
  cache.clear();
}
