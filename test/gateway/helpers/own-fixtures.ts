import * as fs from 'node:fs';
import * as path from 'node:path';

const INTEGRATIONS = path.resolve(__dirname, '../../../integrations');

/** One of an integration's own fixtures, as the raw JSON text the tool would send. */
export function ownFixture(folder: string, name: string): string {
  return fs.readFileSync(path.join(INTEGRATIONS, folder, 'fixtures', `${name}.json`), 'utf8');
}

export const githubFixture = (name: string) => ownFixture('github', name);

/** What `push__force.json` posts (see integrations/github/github-messages.spec.ts). */
export const FORCE_PUSH = {
  topic: 'widgets / main',
  body:
    'mona [force pushed](https://github.com/octo-org/widgets/compare/a10867b14bb7...b4a1c3d2e5f6) 1 commit to branch main.\n\n' +
    '* Rewrite the parser ([b4a1c3d](https://github.com/octo-org/widgets/commit/b4a1c3d2e5f60718293a4b5c6d7e8f9012345678))',
};

/** What `create__branch.json` posts. */
export const BRANCH_CREATED = { topic: 'widgets', body: 'mona created branch feature/search.' };

/** What `pull_request__opened_long_title.json` posts. */
export const PR_OPENED = {
  topic: 'notification-gateway-service / PR #1234 Teach the notific...',
  body: 'mona opened [PR #1234](https://github.com/octo-org/notification-gateway-service/pull/1234) from `retry-backoff` to `main`.',
};
