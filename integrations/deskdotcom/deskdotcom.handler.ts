import { defineIntegration } from '../core/define';
import { htmlToMarkdown } from '../core/html';

/**
 * Desk.com (Salesforce retired it in 2020; the URL keeps working): a custom action posted a form
 * whose `data` field is the text the admin wrote (often with a link in HTML). Zulip's legacy URL
 * passes `stream` and `topic` in the same form; the topic is otherwise "Desk.com notification".
 */
export const deskdotcomIntegration = defineIntegration({
  name: 'deskdotcom',
  displayName: 'Desk.com',
  category: 'project-management',
  eventName: () => 'notification',
  events: {
    notification: (e) =>
      e.message(e.options.topic ?? 'Desk.com notification', 'notification', {
        text: htmlToMarkdown(e.payload.str('data')),
      }),
  },
});
