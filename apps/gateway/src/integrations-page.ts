import * as fs from 'node:fs';
import * as path from 'node:path';
// Loaded the way libs/markdown loads them, so the page also works under Jest.
import { markedModule, purifyModule } from '@hub/markdown/native-modules';
import { escapeHtml } from '@hub/markdown/html';
import type { IntegrationInfo } from '@hub/api/webhook-delivery.types';
import { CATEGORIES, IntegrationDefinition } from '../../../integrations/core/integration';

const escape = escapeHtml;

export interface UrlChoice {
  integration?: string;
  api_key?: string;
  stream?: string;
  topic?: string;
}

/** The webhook URL for a bot's key, a stream (none: DMs to the bot's owner) and a topic. */
export function webhookUrl(site: string, name: string, choice: UrlChoice): string {
  const params = new URLSearchParams();
  params.set('api_key', choice.api_key || '<api key of your incoming-webhook bot>');
  if (choice.stream) params.set('stream', choice.stream);
  if (choice.topic) params.set('topic', choice.topic);
  return `${site}/api/v1/external/${name}?${params.toString().replace(/%3C|%3E/g, (m) => (m === '%3C' ? '<' : '>'))}`;
}

const readmes = new Map<string, string>();

/** The integration's README as HTML, rendered once per process. */
function readme(integration: IntegrationDefinition): string {
  const folder = integration.folder ?? integration.name;
  let html = readmes.get(folder);
  if (html === undefined) {
    const file = path.join(__dirname, '..', '..', '..', 'integrations', folder, 'README.md');
    const source = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
    html = purifyModule.sanitize(markedModule.marked.parse(source, { async: false }));
    readmes.set(folder, html);
  }
  return html;
}

const codes = (names: string[]) => names.map((n) => `<code>${escape(n)}</code>`).join(' ');

/** One integration: its URL, events, parameters and README. */
function section(i: IntegrationDefinition, site: string): string {
  const parameters = Object.entries(i.parameters ?? {})
    .map(([name, what]) => `<li><code>${escape(name)}</code>: ${escape(what)}</li>`)
    .join('');
  return `<section id="${escape(i.name)}"><h2>${escape(i.displayName)}</h2>
<p><code>${escape(webhookUrl(site, i.name, {}))}</code></p>
<p>Events: ${codes(Object.keys(i.events))}</p>
${parameters ? `<p>Parameters:</p><ul>${parameters}</ul>` : ''}
${readme(i)}</section>`;
}

/** `/integrations`: every integration with its setup steps and a URL builder. */
export function integrationsPage(
  integrations: readonly IntegrationDefinition[],
  site: string,
  choice: UrlChoice,
): string {
  const options = integrations
    .map(
      (i) =>
        `<option value="${escape(i.name)}"${i.name === choice.integration ? ' selected' : ''}>${escape(i.displayName)}</option>`,
    )
    .join('');
  const chosen = integrations.find((i) => i.name === choice.integration);
  const built = chosen
    ? `<h2>Your ${escape(chosen.displayName)} webhook URL</h2><pre><code>${escape(webhookUrl(site, chosen.name, choice))}</code></pre>`
    : '';
  const sections = Object.entries(CATEGORIES)
    .map(([category, title]) => {
      const members = integrations.filter((i) => i.category === category);
      if (members.length === 0) return '';
      return `<h1 id="category-${category}">${escape(title)}</h1>\n${members.map((i) => section(i, site)).join('\n')}`;
    })
    .join('\n');
  return `<!doctype html><html><head><meta charset="utf-8"><title>Integrations</title>
<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}pre,code{background:#f4f4f4}section{border-top:1px solid #ddd;margin-top:2rem}</style>
</head><body><h1>Integrations</h1>
<form method="get" action="/integrations">
<label>Integration <select name="integration">${options}</select></label>
<label>Bot API key <input name="api_key" value="${escape(choice.api_key ?? '')}"></label>
<label>Stream <input name="stream" value="${escape(choice.stream ?? '')}" placeholder="(none: DM the bot owner)"></label>
<label>Topic <input name="topic" value="${escape(choice.topic ?? '')}" placeholder="(the integration's own)"></label>
<button type="submit">Build URL</button></form>
${built}
${sections}
</body></html>`;
}

/** `/integrations.json`: the catalogue the web client's integration hub builds URLs from. */
export function integrationCatalogue(
  integrations: readonly IntegrationDefinition[],
): IntegrationInfo[] {
  return integrations.map((i) => ({
    name: i.name,
    display_name: i.displayName,
    category: i.category,
    category_name: CATEGORIES[i.category],
    events: Object.keys(i.events),
    branches: i.branchOf !== undefined,
    signature: i.verify ? 'service' : 'token',
    parameters: { ...(i.parameters ?? {}) },
  }));
}
