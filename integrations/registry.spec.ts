import * as fs from 'node:fs';
import * as path from 'node:path';
import { CATEGORIES } from './core/integration';
import { INTEGRATIONS, integrationsByName } from './registry';

describe('the integration registry', () => {
  it('has one integration per URL name, found by name', () => {
    const byName = integrationsByName(INTEGRATIONS);
    expect(byName.size).toBe(INTEGRATIONS.length);
    for (const integration of INTEGRATIONS) expect(byName.get(integration.name)).toBe(integration);
    expect(() => integrationsByName([INTEGRATIONS[0], INTEGRATIONS[0]])).toThrow(
      'two integrations',
    );
  });

  it.each(INTEGRATIONS.map((i) => [i.name, i] as const))(
    '%s has a README, a category and at least one event',
    (_name, integration) => {
      const folder = path.join(__dirname, integration.folder ?? integration.name);
      expect(fs.existsSync(path.join(folder, 'README.md'))).toBe(true);
      expect(Object.keys(CATEGORIES)).toContain(integration.category);
      expect(Object.keys(integration.events).length).toBeGreaterThan(0);
    },
  );

  it("links every integration's README from the top-level README", () => {
    const readme = fs.readFileSync(path.join(__dirname, '..', 'README.md'), 'utf8');
    for (const integration of INTEGRATIONS) {
      const folder = integration.folder ?? integration.name;
      expect(readme).toContain(`(integrations/${folder}/README.md)`);
    }
  });

  it("lists every integration once in the README's table, under its category", () => {
    const readme = fs.readFileSync(path.join(__dirname, '..', 'README.md'), 'utf8');
    const rows = new Map<string, string[]>();
    let heading = '';
    for (const line of readme.split('\n')) {
      if (line.startsWith('### ')) heading = line.slice(4).trim();
      const row = /^\| \[[^\]]+\]\(integrations\/[^)]+\/README\.md\) \| `([^`]+)` \|/.exec(line);
      if (row) rows.set(row[1], [...(rows.get(row[1]) ?? []), heading]);
    }
    for (const integration of INTEGRATIONS) {
      expect([integration.name, rows.get(integration.name)]).toEqual([
        integration.name,
        [CATEGORIES[integration.category]],
      ]);
    }
    expect([...rows.keys()].filter((name) => !INTEGRATIONS.some((i) => i.name === name))).toEqual(
      [],
    );
  });
});
