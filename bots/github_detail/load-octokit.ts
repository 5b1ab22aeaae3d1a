import type { Octokit } from '@octokit/rest';
import { esmRequire } from '@hub/esm';

type OctokitModule = { Octokit: typeof Octokit };

/** @octokit/rest is published as ES modules only: see esmRequire. */
export async function loadOctokit(): Promise<typeof Octokit> {
  return esmRequire<OctokitModule>('@octokit/rest').Octokit;
}
