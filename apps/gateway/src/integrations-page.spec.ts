import { escapeHtml } from '@hub/markdown/html';
import { CATEGORIES } from '../../../integrations/core/integration';
import { INTEGRATIONS } from '../../../integrations/registry';
import { integrationCatalogue, integrationsPage, webhookUrl } from './integrations-page';

const SITE = 'https://chat.example.org';

describe('/integrations', () => {
  const html = integrationsPage(INTEGRATIONS, SITE, {});

  it.each(INTEGRATIONS.map((i) => [i.name, i] as const))(
    'lists %s with its URL, its events and a place in the URL builder',
    (name, integration) => {
      expect(html).toContain(
        `<section id="${name}"><h2>${escapeHtml(integration.displayName)}</h2>`,
      );
      expect(html).toContain(`<option value="${name}">`);
      expect(html).toContain(`<code>${escapeHtml(webhookUrl(SITE, name, {}))}</code>`);
      expect(webhookUrl(SITE, name, {})).toContain(`${SITE}/api/v1/external/${name}?api_key=`);
      for (const event of Object.keys(integration.events)) {
        expect(html).toContain(`<code>${escapeHtml(event)}</code>`);
      }
    },
  );

  it('groups them under their categories, in the README order', () => {
    const headings = [...html.matchAll(/<h1 id="category-([a-z-]+)">/g)].map((m) => m[1]);
    expect(headings).toEqual(Object.keys(CATEGORIES));
  });

  it('builds the URL for the integration, key, stream and topic chosen', () => {
    const built = integrationsPage(INTEGRATIONS, SITE, {
      integration: 'clubhouse',
      api_key: 'k3y',
      stream: 'product',
      topic: 'stories',
    });
    expect(built).toContain('<option value="clubhouse" selected>');
    expect(built).toContain(
      `<pre><code>${SITE}/api/v1/external/clubhouse?api_key=k3y&amp;stream=product&amp;topic=stories</code></pre>`,
    );
  });
});

describe('/integrations.json (the web client builds URLs from it)', () => {
  const catalogue = integrationCatalogue(INTEGRATIONS);

  it('has every integration once, with its category, events, signature kind and parameters', () => {
    expect(catalogue.map((c) => c.name)).toEqual(INTEGRATIONS.map((i) => i.name));
    for (const [i, entry] of catalogue.entries()) {
      const integration = INTEGRATIONS[i];
      expect(entry).toEqual({
        name: integration.name,
        display_name: integration.displayName,
        category: integration.category,
        category_name: CATEGORIES[integration.category],
        events: Object.keys(integration.events),
        branches: integration.branchOf !== undefined,
        signature: integration.verify ? 'service' : 'token',
        parameters: integration.parameters ?? {},
      });
    }
  });

  it('says which integrations check the service signature and which take `branches`', () => {
    const byName = new Map(catalogue.map((c) => [c.name, c]));
    expect(byName.get('clubhouse')).toMatchObject({ signature: 'service', branches: false });
    expect(byName.get('github')).toMatchObject({ signature: 'service', branches: true });
  });
});
