import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FixtureSuite } from './testing';

const INTEGRATIONS_DIR = path.resolve(__dirname, '..');

function isSuite(value: unknown): value is FixtureSuite {
  const v = value as Partial<FixtureSuite> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.dir === 'string' &&
    Array.isArray(v.cases) &&
    typeof v.integration?.name === 'string'
  );
}

/**
 * The `SHARED_FIXTURES` suite of every `integrations/<folder>/<name>.expectations.ts`, found on
 * disk, so a new integration is covered by the fixture checks without touching them.
 */
export function sharedSuites(): FixtureSuite[] {
  const suites: FixtureSuite[] = [];
  for (const folder of fs.readdirSync(INTEGRATIONS_DIR).sort()) {
    const dir = path.join(INTEGRATIONS_DIR, folder);
    if (!fs.statSync(dir).isDirectory()) continue;
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.expectations.ts'))) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const suite = (require(path.join(dir, file)) as Record<string, unknown>).SHARED_FIXTURES;
      if (!isSuite(suite)) throw new Error(`${folder}/${file} exports no SHARED_FIXTURES suite`);
      suites.push(suite);
    }
  }
  return suites;
}

/** The folders of ../shared/fixtures/webhooks that no suite reads (each must have one). */
export function uncoveredFixtureFolders(root: string, suites: readonly FixtureSuite[]): string[] {
  if (!fs.existsSync(root)) return [];
  const read = new Set(suites.map((s) => path.resolve(s.dir)));
  return fs
    .readdirSync(root)
    .filter((name) => fs.statSync(path.join(root, name)).isDirectory())
    .filter((name) => !read.has(path.resolve(root, name)))
    .sort();
}
