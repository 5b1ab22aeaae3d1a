import Handlebars from 'handlebars';
import type { IntegrationDefinition, WebhookInput } from '../core/integration';
import { AnomalousPayloadError } from '../core/payload';
import { render } from '../core/templates';

/**
 * Generic JSON: posts any JSON document as a ```json block under the topic "JSON", as Zulip's
 * JSON integration does. With the URL option `template` (a handlebars template, e.g.
 * `{{repository.name}} was pushed`) the message is that template rendered against the payload.
 */
const NAME = 'json';

/** Separate from the file templates' engine: URL templates are untrusted. */
const engine = Handlebars.create();
// The built-in `{{log}}` would let any webhook sender write to the gateway's console.
engine.registerHelper('log', () => '');

function renderUrlTemplate(source: string, payload: unknown): string {
  let compiled: Handlebars.TemplateDelegate;
  try {
    compiled = engine.compile(source, { noEscape: true, strict: false });
    // Compilation is lazy: run it once here so syntax errors surface as such.
    return compiled(payload).trim();
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new AnomalousPayloadError('template', `a valid handlebars template (${reason})`);
  }
}

function renderJson(input: WebhookInput) {
  const template = input.options.template;
  if (template !== undefined) {
    const body = renderUrlTemplate(template, input.payload);
    return body === '' ? null : { topic: 'JSON', body };
  }
  const pretty = JSON.stringify(input.payload, null, 2);
  // A string value holding ``` would close a three-backtick fence early.
  const fence = pretty.includes('```') ? '````' : '```';
  return { topic: 'JSON', body: render(NAME, 'payload', { json: pretty, fence }) };
}

export const jsonIntegration: IntegrationDefinition = {
  name: NAME,
  displayName: 'JSON formatter',
  category: 'other',
  eventName: () => 'message',
  events: { message: renderJson },
  ignoredEvents: [],
  parameters: { template: 'a Handlebars template applied to the payload instead of the JSON dump' },
};
