import * as fs from 'node:fs';
import * as path from 'node:path';
// Loaded the way libs/markdown loads them, so the page also works under Jest.
import { markedModule, purifyModule } from '@hub/markdown/native-modules';
import type { IntegrationDefinition } from '../../../integrations/core/integration';

const escape = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

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

function readme(integration: IntegrationDefinition): string {
  const folder = integration.folder ?? integration.name;
  const file = path.join(__dirname, '..', '..', '..', 'integrations', folder, 'README.md');
  const source = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  return purifyModule.sanitize(markedModule.marked.parse(source, { async: false }));
}

/** `/integrations`: every integration with its setup steps and a URL builder. */
export function integrationsPage(
  integrations: IntegrationDefinition[],
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
  const sections = integrations
    .map(
      (i) => `<section id="${escape(i.name)}"><h2>${escape(i.displayName)}</h2>
<p><code>${escape(webhookUrl(site, i.name, {}))}</code></p>
<p>Events: ${Object.keys(i.events)
        .map((e) => `<code>${escape(e)}</code>`)
        .join(' ')}</p>
${readme(i)}</section>`,
    )
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
