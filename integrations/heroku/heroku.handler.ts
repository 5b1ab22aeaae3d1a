import { defineIntegration, post } from '../core/define';

/**
 * Heroku's Deploy Hooks add-on (HTTP post hook): a form-encoded POST after each deploy with `app`,
 * `user`, `url`, `head` and `git_log`. One event, `deploy`; the topic is the app.
 */
export const herokuIntegration = defineIntegration({
  name: 'heroku',
  displayName: 'Heroku',
  category: 'ci-cd',
  eventName: () => 'deploy',
  events: {
    deploy: post(
      (e) => e.payload.str('app'),
      'deploy',
      (e) => ({
        user: e.payload.str('user'),
        head: e.payload.str('head'),
        app: e.payload.str('app'),
        url: e.payload.optStr('url'),
        gitLog: e.payload.optStr('git_log')?.replace(/\s+$/, '') || null,
      }),
    ),
  },
});
