import { ConfigError, defineBridge, f } from '../core';
import type { ChannelMapping } from '../core/types';
import { JabberBridge, roomAddressOn } from './jabber-bridge';
import { peopleInStore } from './people';
import { parseJid } from './xmpp';

const roomShape = f.object({
  /** `room@conference.example.com`, or `room` on `conference_domain`. */
  room: f.string(),
  /** Default: `<room>/xmpp`, Zulip's naming for mirrored rooms. */
  stream: f.optional(f.string()),
  /** Set: only this topic is mirrored (and room messages go there). Unset: every topic. */
  topic: f.optional(f.string()),
  /** Where room messages go while the room has no subject. */
  default_topic: f.string({ default: '(no topic)' }),
});

export const jabberShape = {
  jabber: f.object({
    /** `xmpp://host:5222` (STARTTLS when offered), `xmpps://host:5223`, or just a domain. */
    service: f.string(),
    jid: f.string(),
    password: f.string({ secret: true }),
    resource: f.string({ default: 'zulip-hub-bridge' }),
    /** public: rooms ↔ streams. personal: the account's 1:1 chats ↔ DMs. */
    mode: f.oneOf(['public', 'personal'] as const, { default: 'public' }),
    /** The bridge's nick in rooms. */
    nick: f.string({ default: 'chat-bridge' }),
    /** Default: `conference.<jid domain>`. */
    conference_domain: f.optional(f.string()),
    /** Chat email domains where every user is an XMPP person (write to them before they write). */
    mirror_domains: f.list(f.string(), { default: [] }),
    /** Personal mode: the chat user the account belongs to; every 1:1 chat goes to them. */
    owner_email: f.optional(f.string()),
    ping_interval_seconds: f.int({ default: 60, min: 1 }),
    ping_timeout_seconds: f.int({ default: 15, min: 1 }),
    connect_timeout_seconds: f.int({ default: 20, min: 1 }),
    /** Chat → room lines; `{name}`, `{topic}`, `{text}`. */
    message_format: f.string({ default: '<{name}> {text}' }),
    /** For topics other than the room's subject. */
    other_topic_format: f.string({ default: '[{topic}] <{name}> {text}' }),
    relay_deletes: f.bool({ default: true }),
  }),
  rooms: f.list(roomShape, { default: [] }),
};

/** `npm run bridge -- jabber --config FILE`. */
export const definition = defineBridge({
  protocol: 'jabber',
  // One of the mirror client names the server accepts; the mirror users become "name (XMPP)".
  clientName: 'jabber_mirror',
  shape: jabberShape,
  create(config, { logger, map }) {
    const xmpp = config.jabber;
    let domain: string;
    try {
      domain = parseJid(xmpp.jid).domain;
    } catch {
      throw new ConfigError(`jabber.jid: not a JID (got ${JSON.stringify(xmpp.jid)})`);
    }
    if (!xmpp.jid.includes('@')) {
      throw new ConfigError(`jabber.jid: needs a user part (got ${JSON.stringify(xmpp.jid)})`);
    }
    if (xmpp.mode === 'public' && config.rooms.length === 0) {
      throw new ConfigError('rooms: public mode needs at least one room');
    }
    const conferenceDomain = xmpp.conference_domain ?? `conference.${domain}`;
    const mappings: ChannelMapping[] =
      xmpp.mode === 'public'
        ? config.rooms.map((r) => {
            const remote = roomAddressOn(r.room, conferenceDomain);
            return {
              remote,
              stream: r.stream ?? `${remote.split('@')[0]}/xmpp`,
              topic: r.topic,
              defaultTopic: r.default_topic,
            };
          })
        : [];
    const bridge = new JabberBridge({
      service: xmpp.service,
      jid: xmpp.jid,
      password: xmpp.password,
      resource: xmpp.resource,
      mode: xmpp.mode === 'personal' ? 'personal' : 'public',
      nick: xmpp.nick,
      conferenceDomain,
      mirrorDomains: xmpp.mirror_domains,
      people: peopleInStore(map),
      ownerEmail: xmpp.owner_email,
      pingIntervalMs: xmpp.ping_interval_seconds * 1000,
      pingTimeoutMs: xmpp.ping_timeout_seconds * 1000,
      connectTimeoutMs: xmpp.connect_timeout_seconds * 1000,
      format: { message: xmpp.message_format, otherTopic: xmpp.other_topic_format },
      mappings,
      backoff: { baseMs: config.reconnect.base_ms, capMs: config.reconnect.cap_ms },
      logger,
    });
    return { bridge, mappings, relayEdits: true, relayDeletes: xmpp.relay_deletes };
  },
});
