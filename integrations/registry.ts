import type { IntegrationDefinition } from './core/integration';
import { airbrakeIntegration } from './airbrake/airbrake.handler';
import { alertmanagerIntegration } from './alertmanager/alertmanager.handler';
import { ansibletowerIntegration } from './ansibletower/ansibletower.handler';
import { appveyorIntegration } from './appveyor/appveyor.handler';
import { azuredevopsIntegration } from './azuredevops/azuredevops.handler';
import { basecampIntegration } from './basecamp/basecamp.handler';
import { beanstalkIntegration } from './beanstalk/beanstalk.handler';
import { bitbucketIntegration } from './bitbucket/bitbucket.handler';
import { bitbucket2Integration } from './bitbucket2/bitbucket2.handler';
import { bitbucket3Integration } from './bitbucket3/bitbucket3.handler';
import { buildbotIntegration } from './buildbot/buildbot.handler';
import { canarytokenIntegration } from './canarytoken/canarytoken.handler';
import { clubhouseIntegration } from './clubhouse/clubhouse.handler';
import { circleciIntegration } from './circleci/circleci.handler';
import { codeshipIntegration } from './codeship/codeship.handler';
import { deskdotcomIntegration } from './deskdotcom/deskdotcom.handler';
import { freshdeskIntegration } from './freshdesk/freshdesk.handler';
import { frontIntegration } from './front/front.handler';
import { gciIntegration } from './gci/gci.handler';
import { crashlyticsIntegration } from './crashlytics/crashlytics.handler';
import { errbitIntegration } from './errbit/errbit.handler';
import { freshpingIntegration } from './freshping/freshping.handler';
import { freshstatusIntegration } from './freshstatus/freshstatus.handler';
import { giteaIntegration } from './gitea/gitea.handler';
import { githubIntegration } from './github/github.handler';
import { gitlabIntegration } from './gitlab/gitlab.handler';
import { gocdIntegration } from './gocd/gocd.handler';
import { gogsIntegration } from './gogs/gogs.handler';
import { greenhouseIntegration } from './greenhouse/greenhouse.handler';
import { grooveIntegration } from './groove/groove.handler';
import { harborIntegration } from './harbor/harbor.handler';
import { herokuIntegration } from './heroku/heroku.handler';
import { intercomIntegration } from './intercom/intercom.handler';
import { gosquaredIntegration } from './gosquared/gosquared.handler';
import { grafanaIntegration } from './grafana/grafana.handler';
import { inspingIntegration } from './insping/insping.handler';
import { jenkinsIntegration } from './jenkins/jenkins.handler';
import { jiraIntegration } from './jira/jira.handler';
import { jsonIntegration } from './json/json.handler';
import { netlifyIntegration } from './netlify/netlify.handler';
import { pivotalIntegration } from './pivotal/pivotal.handler';
import { newrelicIntegration } from './newrelic/newrelic.handler';
import { opbeatIntegration } from './opbeat/opbeat.handler';
import { opsgenieIntegration } from './opsgenie/opsgenie.handler';
import { pagerdutyIntegration } from './pagerduty/pagerduty.handler';
import { papertrailIntegration } from './papertrail/papertrail.handler';
import { pingdomIntegration } from './pingdom/pingdom.handler';
import { raygunIntegration } from './raygun/raygun.handler';
import { reviewboardIntegration } from './reviewboard/reviewboard.handler';
import { rhodecodeIntegration } from './rhodecode/rhodecode.handler';
import { semaphoreIntegration } from './semaphore/semaphore.handler';
import { sentryIntegration } from './sentry/sentry.handler';
import { slackIncomingIntegration } from './slack/slack.handler';
import { solanoIntegration } from './solano/solano.handler';
import { sonarqubeIntegration } from './sonarqube/sonarqube.handler';
import { taigaIntegration } from './taiga/taiga.handler';
import { splunkIntegration } from './splunk/splunk.handler';
import { statuspageIntegration } from './statuspage/statuspage.handler';
import { teamcityIntegration } from './teamcity/teamcity.handler';
import { thinkstIntegration } from './thinkst/thinkst.handler';
import { tracIntegration } from './trac/trac.handler';
import { travisIntegration } from './travis/travis.handler';
import { trelloIntegration } from './trello/trello.handler';
import { wekanIntegration } from './wekan/wekan.handler';
import { updownIntegration } from './updown/updown.handler';
import { uptimerobotIntegration } from './uptimerobot/uptimerobot.handler';
import { zabbixIntegration } from './zabbix/zabbix.handler';
import { lidarrIntegration } from './lidarr/lidarr.handler';
import { radarrIntegration } from './radarr/radarr.handler';
import { sonarrIntegration } from './sonarr/sonarr.handler';
import { zapierIntegration } from './zapier/zapier.handler';
import { iftttIntegration } from './ifttt/ifttt.handler';
import { homeassistantIntegration } from './homeassistant/homeassistant.handler';
import { helloworldIntegration } from './helloworld/helloworld.handler';
import { beeminderIntegration } from './beeminder/beeminder.handler';
import { appfollowIntegration } from './appfollow/appfollow.handler';
import { delightedIntegration } from './delighted/delighted.handler';
import { dialogflowIntegration } from './dialogflow/dialogflow.handler';
import { flockIntegration } from './flock/flock.handler';
import { jotformIntegration } from './jotform/jotform.handler';
import { mentionIntegration } from './mention/mention.handler';
import { opencollectiveIntegration } from './opencollective/opencollective.handler';
import { dropboxIntegration } from './dropbox/dropbox.handler';
import { hellosignIntegration } from './hellosign/hellosign.handler';
import { wordpressIntegration } from './wordpress/wordpress.handler';
import { libratoIntegration } from './librato/librato.handler';
import { slackOutgoingIntegration } from './slack/slack-outgoing.handler';
import { stripeIntegration } from './stripe/stripe.handler';
import { transifexIntegration } from './transifex/transifex.handler';

/**
 * Every integration, by URL name (`/api/v1/external/<name>`); feeds the gateway and /integrations.
 * Add a new one on its own line, in its category's block, alphabetically.
 */
export const INTEGRATIONS: readonly IntegrationDefinition[] = [
  // Version control and code review
  azuredevopsIntegration,
  beanstalkIntegration,
  bitbucket2Integration,
  bitbucket3Integration,
  bitbucketIntegration,
  giteaIntegration,
  githubIntegration,
  gitlabIntegration,
  gogsIntegration,
  reviewboardIntegration,
  rhodecodeIntegration,
  // Issue trackers and project tools
  basecampIntegration,
  clubhouseIntegration,
  deskdotcomIntegration,
  freshdeskIntegration,
  frontIntegration,
  gciIntegration,
  greenhouseIntegration,
  grooveIntegration,
  intercomIntegration,
  jiraIntegration,
  pivotalIntegration,
  taigaIntegration,
  tracIntegration,
  trelloIntegration,
  wekanIntegration,
  // CI/CD and deploys
  ansibletowerIntegration,
  appveyorIntegration,
  buildbotIntegration,
  circleciIntegration,
  codeshipIntegration,
  gocdIntegration,
  harborIntegration,
  herokuIntegration,
  jenkinsIntegration,
  netlifyIntegration,
  semaphoreIntegration,
  solanoIntegration,
  sonarqubeIntegration,
  teamcityIntegration,
  travisIntegration,
  // Monitoring, errors and alerting
  airbrakeIntegration,
  alertmanagerIntegration,
  canarytokenIntegration,
  crashlyticsIntegration,
  errbitIntegration,
  freshpingIntegration,
  freshstatusIntegration,
  gosquaredIntegration,
  grafanaIntegration,
  inspingIntegration,
  libratoIntegration,
  newrelicIntegration,
  opbeatIntegration,
  opsgenieIntegration,
  pagerdutyIntegration,
  papertrailIntegration,
  pingdomIntegration,
  raygunIntegration,
  sentryIntegration,
  splunkIntegration,
  statuspageIntegration,
  thinkstIntegration,
  updownIntegration,
  uptimerobotIntegration,
  zabbixIntegration,
  // Everything else
  appfollowIntegration,
  beeminderIntegration,
  delightedIntegration,
  dialogflowIntegration,
  dropboxIntegration,
  flockIntegration,
  hellosignIntegration,
  helloworldIntegration,
  homeassistantIntegration,
  iftttIntegration,
  jotformIntegration,
  jsonIntegration,
  lidarrIntegration,
  mentionIntegration,
  opencollectiveIntegration,
  radarrIntegration,
  slackIncomingIntegration,
  slackOutgoingIntegration,
  sonarrIntegration,
  stripeIntegration,
  transifexIntegration,
  wordpressIntegration,
  zapierIntegration,
];

/** Name → integration: the gateway finds an integration in one lookup, however many there are. */
export function integrationsByName(
  integrations: readonly IntegrationDefinition[],
): ReadonlyMap<string, IntegrationDefinition> {
  const byName = new Map<string, IntegrationDefinition>();
  for (const integration of integrations) {
    if (byName.has(integration.name)) {
      throw new Error(`two integrations are named "${integration.name}"`);
    }
    byName.set(integration.name, integration);
  }
  return byName;
}
