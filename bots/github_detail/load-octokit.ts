import type { Octokit } from '@octokit/rest';

type OctokitModule = { Octokit: typeof Octokit };

/**
 * @octokit/rest is published as ES modules only. Compiled to CommonJS (and under jest), a written
 * `import()` becomes `require()`, which cannot load it; a function built at run time keeps the
 * native dynamic import.
 */
const importNative = new Function('specifier', 'return import(specifier)') as (
  specifier: string,
) => Promise<OctokitModule>;

let loaded: Promise<OctokitModule> | undefined;

export async function loadOctokit(): Promise<typeof Octokit> {
  loaded ??= importNative('@octokit/rest');
  return (await loaded).Octokit;
}
