import type { CommonConfig } from '../core/config';
import { f, ShapeValue } from '../core/config-schema';

// Templates end in `{text}`: the text is what gets split across lines, the rest repeats on each.
const TEXT_AT_END = (template: string) => f.string({ default: template });

/** The `irc` and `channels` sections of an IRC bridge config (beside the common ones). */
export const ircShape = {
  irc: f.object({
    host: f.string(),
    port: f.optional(f.int({ min: 1, max: 65535 })),
    tls: f.bool({ default: false }),
    /** Check the server's TLS certificate (turn off only for self-signed test servers). */
    tls_verify: f.bool({ default: true }),
    /** The server password (`PASS`). */
    password: f.optional(f.string({ secret: true })),
    nick: f.string(),
    username: f.optional(f.string()),
    realname: f.string({ default: 'Zulip Hub IRC bridge' }),
    /** Mirror users are `nick@irc.<network>`; default: the host. */
    network: f.optional(f.string()),
    sasl_username: f.optional(f.string()),
    sasl_password: f.optional(f.string({ secret: true })),
    nickserv_password: f.optional(f.string({ secret: true })),
    nickserv_nick: f.string({ default: 'NickServ' }),
    /** Flood control: lines per second, with bursts of `flood_burst` lines. */
    flood_lines_per_second: f.number({ default: 2, min: 0.1, max: 1000 }),
    flood_burst: f.int({ default: 4, min: 1 }),
    /** Lines one chat message may take; the rest is replaced by a "(N more lines)" line. */
    max_lines_per_message: f.int({ default: 30, min: 2 }),
    ping_interval_seconds: f.int({ default: 30, min: 5 }),
    ping_timeout_seconds: f.int({ default: 120, min: 10 }),
    /** How long a relayed message waits for the server's PONG that proves it arrived. */
    ack_timeout_seconds: f.int({ default: 30, min: 1 }),
    /** Nicks never relayed (other relay bots, services). */
    ignore_nicks: f.list(f.string(), { default: [] }),
    relay_joins_parts: f.bool({ default: false }),
    relay_edits: f.bool({ default: true }),
    relay_deletes: f.bool({ default: false }),
    /** Templates; `{text}` must end them. Placeholders: {topic_prefix} {name} {text}. */
    message_format: TEXT_AT_END('{topic_prefix}<{name}> {text}'),
    action_format: TEXT_AT_END('{topic_prefix}* {name} {text}'),
    edit_format: TEXT_AT_END('{topic_prefix}<{name}> * edit: {text}'),
    /** Sent for a chat deletion (`relay_deletes`); it has no text. */
    delete_format: f.string({ default: '{topic_prefix}* a message was deleted on chat' }),
    direct_format: TEXT_AT_END('<{name}> {text}'),
    /** What `{topic_prefix}` becomes on channels mirroring every topic ({topic}). */
    topic_prefix_format: f.string({ default: '[{topic}] ' }),
  }),
  channels: f.list(
    f.object({
      irc: f.string(),
      key: f.optional(f.string({ secret: true })),
      stream: f.string(),
      /** Set: mirror only this topic. Unset: every topic of the stream. */
      topic: f.optional(f.string()),
      /** Where IRC messages go when every topic is mirrored and none is named. */
      default_topic: f.string({ default: 'IRC' }),
    }),
    { minItems: 1 },
  ),
};

export type IrcConfig = CommonConfig & ShapeValue<typeof ircShape>;
