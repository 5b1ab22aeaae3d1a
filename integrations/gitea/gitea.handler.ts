import { gogsFlavour } from '../gogs/gogs.handler';

/** Gitea: Gogs' payloads under `X-Gitea-*` headers (see ../gogs). */
export const giteaIntegration = gogsFlavour({
  name: 'gitea',
  displayName: 'Gitea',
  header: 'Gitea',
});
