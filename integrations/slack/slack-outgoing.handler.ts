import { defineIntegration, post, WebhookEvent } from '../core/define';
import { AnomalousPayloadError } from '../core/payload';
import { tokenInBody } from '../core/verify';
import { mrkdwnToMarkdown } from './mrkdwn';

/**
 * Slack's outgoing webhooks (`/api/v1/external/slack`, Zulip's `slack` integration): Slack posts
 * each channel message as a form (`token`, `channel_name`, `user_name`, `text`). The message is
 * "**user**: text" with Slack's markup converted; topic "Message from Slack", or "channel: <name>"
 * with `channels_map_to_topics=1`. (`slack_incoming` is the other direction: tools that post
 * Slack-style messages to us.)
 */
const TOPIC = 'Message from Slack';

function topicOf(e: WebhookEvent): string {
  const channel = e.payload.str('channel_name');
  const map = e.options.channels_map_to_topics;
  if (map === undefined || map === '0') return TOPIC;
  if (map === '1') return `channel: ${channel}`;
  throw new AnomalousPayloadError('channels_map_to_topics', '0 or 1');
}

export const slackOutgoingIntegration = defineIntegration({
  name: 'slack',
  displayName: 'Slack',
  category: 'other',
  folder: 'slack',
  eventName: () => 'message',
  events: {
    message: post(topicOf, 'outgoing', (e) => ({
      user: e.payload.str('user_name'),
      text: mrkdwnToMarkdown(e.payload.str('text')),
    })),
  },
  verify: tokenInBody('token'),
  parameters: {
    channels_map_to_topics:
      '1: one topic per Slack channel ("channel: general"); 0 (default): all in "Message from Slack"',
  },
});
