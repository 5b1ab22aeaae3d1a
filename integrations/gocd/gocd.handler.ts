import { defineIntegration, WebhookEvent } from '../core/define';

/**
 * GoCD pipeline notifications (a pipeline's JSON as GoCD's WebHook notification plugin posts it).
 * The topic is the repository URL of the pipeline's first material, as in Zulip.
 */
const EMOJI: Record<string, string> = { Passed: ':thumbs_up:', Failed: ':thumbs_down:' };

function pipeline(e: WebhookEvent) {
  const revision = e.payload.list('build_cause.material_revisions')[0];
  if (!revision) return null;
  const change = revision.list('modifications')[0];
  const description = revision.str('material.description');
  // "URL: https://github.com/gocd/gocd, Branch: master"
  const url = /URL:\s*([^,\s]+)/.exec(description)?.[1] ?? description;
  const result = e.payload.list('stages')[0]?.str('result') ?? 'Unknown';
  const server = e.options.server_url?.replace(/\/+$/, '');
  const name = e.payload.str('name');
  return e.message(url, 'pipeline', {
    author: change?.str('user_name') ?? 'Unknown',
    result,
    emoji: Object.hasOwn(EMOJI, result) ? ` ${EMOJI[result]}` : '',
    name,
    label: e.payload.optStr('label'),
    logUrl: server ? `${server}/go/tab/pipeline/history/${encodeURIComponent(name)}` : null,
    comment: change?.optStr('comment'),
  });
}

export const gocdIntegration = defineIntegration({
  name: 'gocd',
  displayName: 'GoCD',
  category: 'ci-cd',
  // A pipeline document, or GoCD's build-details links alone (which say nothing to post).
  eventName: (e) => (e.payload.has('build_details') ? 'build_details' : 'pipeline'),
  events: { pipeline },
  ignoredEvents: ['build_details'],
  parameters: {
    server_url: "the GoCD server's address (https://ci.example.com), to link the build log",
  },
});
