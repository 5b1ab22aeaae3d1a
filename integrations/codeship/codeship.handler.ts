import { defineIntegration, post } from '../core/define';

/**
 * Codeship build notifications (Project settings → Notifications → Webhook): one JSON document per
 * build state change. Every state is the one event `build`; the topic is the project.
 */
const STATES: Record<string, string> = {
  testing: 'started',
  error: 'failed',
  success: 'succeeded',
  stopped: 'was stopped',
  waiting: 'is waiting',
};

export const codeshipIntegration = defineIntegration({
  name: 'codeship',
  displayName: 'Codeship',
  category: 'ci-cd',
  eventName: () => 'build',
  events: {
    build: post(
      (e) => e.payload.str('build.project_name'),
      'build',
      (e) => {
        const status = e.payload.str('build.status');
        return {
          url: e.payload.str('build.build_url'),
          committer: e.payload.str('build.committer'),
          branch: e.payload.str('build.branch'),
          state: Object.hasOwn(STATES, status) ? STATES[status] : `has ${status} status`,
        };
      },
    ),
  },
  branchOf: (e) => e.payload.str('build.branch'),
});
