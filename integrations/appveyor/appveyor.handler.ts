import { defineIntegration, post, WebhookEvent } from '../core/define';

/**
 * AppVeyor build notifications (Project → Settings → Notifications → Webhook, JSON payload). The
 * event is the payload's `eventName`; the topic is the project.
 */
function build(e: WebhookEvent) {
  const d = e.payload.obj('eventData');
  const outcome = d.bool('passed') ? 'completed' : 'failed';
  return {
    title: `Build ${d.str('projectName')} ${d.str('buildVersion')} ${outcome}`,
    url: d.str('buildUrl'),
    commit: `${d.str('commitId')}: ${d.str('commitMessage')}`,
    commitUrl: d.optStr('commitUrl'),
    author: d.str('commitAuthor'),
    started: d.optStr('started'),
    finished: d.optStr('finished'),
  };
}

const buildPost = post((e) => e.payload.str('eventData.projectName'), 'build', build);

export const appveyorIntegration = defineIntegration({
  name: 'appveyor',
  displayName: 'AppVeyor',
  category: 'ci-cd',
  eventField: 'eventName',
  events: { build_success: buildPost, build_failure: buildPost },
  branchOf: (e) => e.payload.optStr('eventData.branch'),
});
