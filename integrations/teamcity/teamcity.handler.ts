import { defineIntegration, WebhookEvent } from '../core/define';

/**
 * TeamCity through the tcWebHooks plugin's JSON payload format. The event is the build's
 * `buildResult` (success, failure, running); the topic is the build's full name, with the branch.
 * Personal builds are not posted: Zulip sends them to the person who ran them, which a webhook
 * URL cannot address here.
 */
function property(e: WebhookEvent, name: string): string | null {
  const found = e.payload
    .optList('build.teamcityProperties')
    .find((p) => p.optStr('name') === name);
  return found?.optStr('value') ?? null;
}

const isPersonal = (e: WebhookEvent) => property(e, 'env.BUILD_IS_PERSONAL') === 'true';

function build(status: (e: WebhookEvent) => string) {
  return (e: WebhookEvent) => {
    const b = e.payload.obj('build');
    const name = b.str('buildFullName');
    const branch = b.optStr('branchDisplayName');
    const url = b.str('buildStatusUrl');
    return e.message(branch ? `${name} (${branch})` : name, 'build', {
      name,
      number: b.str('buildNumber'),
      status: status(e),
      url,
      changesUrl: `${url}&tab=buildChangesDiv`,
    });
  };
}

const statusText = (e: WebhookEvent) => e.payload.str('build.buildStatus');

export const teamcityIntegration = defineIntegration({
  name: 'teamcity',
  displayName: 'TeamCity',
  category: 'ci-cd',
  eventName: (e) => {
    // tcWebHooks' Slack, HipChat... formats carry no `build`: the webhook is set to the wrong format.
    if (!e.payload.has('build')) return 'non_json_payload_format';
    if (isPersonal(e)) return 'personal_build';
    return e.payload.str('build.buildResult');
  },
  events: {
    success: build((e) =>
      e.payload.optStr('build.buildResultDelta') === 'fixed'
        ? 'has been fixed! :thumbs_up:'
        : 'was successful! :thumbs_up:',
    ),
    failure: build((e) =>
      e.payload.optStr('build.buildResultDelta') === 'broken'
        ? `is broken with status ${statusText(e)}! :thumbs_down:`
        : `is still broken with status ${statusText(e)}! :thumbs_down:`,
    ),
    running: build(() => 'has started.'),
  },
  ignoredEvents: ['non_json_payload_format', 'personal_build'],
  branchOf: (e) => e.payload.optStr('build.branchName'),
});
