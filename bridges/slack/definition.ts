import { ConfigError, defineBridge, f } from '../core';
import type { ChannelMapping } from '../core/types';
import { SlackBridge } from './slack-bridge';

const channelShape = f.object({
  /** The channel id (`C0123ABCD`): names change, ids do not. */
  channel: f.string(),
  stream: f.string(),
  /** Set: only this topic is mirrored (and Slack messages go there). Unset: every topic. */
  topic: f.optional(f.string()),
  /** Where Slack messages go when every topic is mirrored. */
  default_topic: f.string({ default: 'slack' }),
});

export const slackShape = {
  slack: f.object({
    bot_token: f.string({ secret: true }),
    signing_secret: f.string({ secret: true }),
    /** The Events API receiver (put it behind your HTTPS reverse proxy). */
    host: f.string({ default: '127.0.0.1' }),
    port: f.int({ default: 3000, min: 0, max: 65535 }),
    events_path: f.string({ default: '/slack/events' }),
    api_url: f.string({ default: 'https://slack.com/api/' }),
    /** Email domain of the chat users Slack people appear as. */
    mirror_domain: f.string({ default: 'slack.invalid' }),
    avatar_url: f.string({
      default: 'https://secure.gravatar.com/avatar/{email_md5}?d=identicon',
    }),
    relay_deletes: f.bool({ default: true }),
  }),
  channels: f.list(channelShape, { minItems: 1 }),
};

/** `npm run bridge -- slack --config FILE`. */
export const definition = defineBridge({
  protocol: 'slack',
  /** The server's mirror client for Slack: mirror users are named "handle (Slack)". */
  clientName: 'slack_mirror',
  shape: slackShape,
  create(config, { logger }) {
    const slack = config.slack;
    if (!slack.events_path.startsWith('/')) {
      throw new ConfigError(`slack.events_path: must start with / (got "${slack.events_path}")`);
    }
    const mappings: ChannelMapping[] = config.channels.map((c) => ({
      remote: c.channel,
      stream: c.stream,
      topic: c.topic,
      defaultTopic: c.default_topic,
    }));
    const bridge = new SlackBridge({
      botToken: slack.bot_token,
      signingSecret: slack.signing_secret,
      host: slack.host,
      port: slack.port,
      eventsPath: slack.events_path,
      apiUrl: slack.api_url.endsWith('/') ? slack.api_url : `${slack.api_url}/`,
      mirrorDomain: slack.mirror_domain,
      avatarUrl: slack.avatar_url,
      mappings,
      backoff: { baseMs: config.reconnect.base_ms, capMs: config.reconnect.cap_ms },
      logger,
    });
    return { bridge, mappings, relayEdits: true, relayDeletes: slack.relay_deletes };
  },
});
