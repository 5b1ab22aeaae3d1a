import { defineIntegration, post } from '../core/define';
import { mrkdwnToMarkdown } from '../slack/mrkdwn';

/**
 * AppFollow's review alerts: one Slack-formatted `text` (app and store, stars, title, review,
 * author, links). Its first line (the app) is the topic, and the text is converted from Slack's
 * markup, as Zulip does.
 */
export const appfollowIntegration = defineIntegration({
  name: 'appfollow',
  displayName: 'AppFollow',
  category: 'other',
  eventName: () => 'review',
  events: {
    review: post(
      (e) => e.payload.str('text').split('\n')[0],
      'review',
      (e) => ({ text: mrkdwnToMarkdown(e.payload.str('text')) }),
    ),
  },
});
