import { defineBridge } from '../core/definition';
import { ircShape } from './config';
import { IrcBridge, templatesOf } from './irc-bridge';
import { checkTemplates } from './templates';

/** `npm run bridge -- irc --config FILE` */
export const definition = defineBridge({
  protocol: 'irc',
  // The server's mirror path keys on this client name (Zulip's `irc_mirror`).
  clientName: 'irc_mirror',
  shape: ircShape,
  validate: (config) => checkTemplates(templatesOf(config)),
  create: (config, { logger }) => ({
    bridge: new IrcBridge(config, logger),
    mappings: config.channels.map((channel) => ({
      remote: channel.irc,
      stream: channel.stream,
      topic: channel.topic,
      defaultTopic: channel.default_topic,
    })),
    relayEdits: config.irc.relay_edits,
    relayDeletes: config.irc.relay_deletes,
  }),
});
