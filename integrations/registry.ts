import type { IntegrationDefinition } from './core/integration';
import { buildbotIntegration } from './buildbot/buildbot.handler';
import { circleciIntegration } from './circleci/circleci.handler';
import { githubIntegration } from './github/github.handler';
import { gitlabIntegration } from './gitlab/gitlab.handler';
import { jenkinsIntegration } from './jenkins/jenkins.handler';
import { jsonIntegration } from './json/json.handler';
import { semaphoreIntegration } from './semaphore/semaphore.handler';
import { slackIncomingIntegration } from './slack/slack.handler';
import { tracIntegration } from './trac/trac.handler';
import { travisIntegration } from './travis/travis.handler';

/** Every integration, by URL name (`/api/v1/external/<name>`); feeds the gateway and /integrations. */
export const INTEGRATIONS: IntegrationDefinition[] = [
  githubIntegration,
  gitlabIntegration,
  tracIntegration,
  jenkinsIntegration,
  travisIntegration,
  circleciIntegration,
  buildbotIntegration,
  semaphoreIntegration,
  slackIncomingIntegration,
  jsonIntegration,
];
