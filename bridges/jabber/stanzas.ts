import { parseJid, xml, XmlElement } from './xmpp';

export const NS = {
  muc: 'http://jabber.org/protocol/muc',
  mucUser: 'http://jabber.org/protocol/muc#user',
  mucOwner: 'http://jabber.org/protocol/muc#owner',
  dataForms: 'jabber:x:data',
  ping: 'urn:xmpp:ping',
  correct: 'urn:xmpp:message-correct:0',
  retract: 'urn:xmpp:message-retract:1',
  fallback: 'urn:xmpp:fallback:0',
  delay: 'urn:xmpp:delay',
  nick: 'http://jabber.org/protocol/nick',
  stanzaId: 'urn:xmpp:sid:0',
  reactions: 'urn:xmpp:reactions:0',
  oob: 'jabber:x:oob',
  hints: 'urn:xmpp:hints',
  /** Our own marker on every stanza a bridge sends, so no bridge relays it back. */
  bridged: 'urn:x-zulip-hub:bridged:0',
} as const;

/** A message stanza, reduced to what the bridge acts on. */
export interface InboundMessage {
  type: 'groupchat' | 'chat';
  /** The sender's full JID as received (`room@muc/nick` for rooms). */
  from: string;
  /** Bare JID: the room for groupchat, the person for chat. */
  bare: string;
  /** The occupant nick (groupchat) or resource (chat). */
  resource: string;
  id?: string;
  body?: string;
  /** Set when the stanza carries a subject (a room's topic), possibly empty. */
  subject?: string;
  /** XEP-0308: the id of the message this one corrects. */
  replaces?: string;
  /** XEP-0424: the id of the message this one retracts. */
  retracts?: string;
  /** XEP-0203: when a delayed (history, offline) message was first sent, in ms. */
  delayedAt?: number;
  /** XEP-0359: the id the room gave the message (rooms that assign one), for later references. */
  roomStanzaId?: string;
  /** XEP-0444: the sender's whole set of reactions to the message with this id. */
  reactions?: { to: string; emoji: string[] };
  /** XEP-0066: a file link (HTTP upload shares one this way). */
  oobUrl?: string;
  /** Sent by a bridge (ours or another instance): never relayed. */
  bridged: boolean;
}

export function parseMessage(stanza: XmlElement): InboundMessage | null {
  if (!stanza.is('message')) return null;
  const type = stanza.attrs.type === 'groupchat' ? 'groupchat' : stanza.attrs.type;
  if (type !== 'groupchat' && type !== 'chat' && type !== 'normal' && type !== undefined) {
    return null;
  }
  const from = stanza.attrs.from;
  if (!from) return null;
  let address;
  try {
    address = parseJid(from);
  } catch {
    return null;
  }
  const delay = stanza.getChild('delay', NS.delay)?.attrs.stamp;
  const delayedAt = delay ? Date.parse(delay) : NaN;
  const subject = stanza.getChild('subject');
  const bare = address.bare().toString();
  // Only the room's own stanza-id is trustworthy: anyone can put one in what they send.
  const roomStanzaId = stanza
    .getChildren('stanza-id', NS.stanzaId)
    .find((sid) => sid.attrs.by?.toLowerCase() === bare.toLowerCase())?.attrs.id;
  const reactions = stanza.getChild('reactions', NS.reactions);
  const oobUrl = stanza.getChild('x', NS.oob)?.getChildText('url')?.trim();
  return {
    type: type === 'groupchat' ? 'groupchat' : 'chat',
    from,
    bare,
    resource: address.resource ?? '',
    id: stanza.attrs.id || undefined,
    body: stanza.getChildText('body') ?? undefined,
    subject: subject ? subject.getText() : undefined,
    replaces: stanza.getChild('replace', NS.correct)?.attrs.id,
    retracts: stanza.getChild('retract', NS.retract)?.attrs.id,
    delayedAt: Number.isNaN(delayedAt) ? undefined : delayedAt,
    roomStanzaId: type === 'groupchat' ? roomStanzaId : undefined,
    reactions: reactions?.attrs.id
      ? {
          to: reactions.attrs.id,
          emoji: reactions
            .getChildren('reaction')
            .map((r) => r.getText().trim())
            .filter((e) => e !== ''),
        }
      : undefined,
    oobUrl: oobUrl && /^https?:\/\//i.test(oobUrl) ? oobUrl : undefined,
    bridged: stanza.getChild('bridged', NS.bridged) !== undefined,
  };
}

/** What a MUC presence tells about one occupant. */
export interface OccupantPresence {
  room: string;
  nick: string;
  available: boolean;
  /** Status 110: this presence is about ourselves. */
  self: boolean;
  /** Status 201: the room was just created by this join (and may need configuring). */
  created: boolean;
  /** The occupant's real JID, when the room discloses it. */
  realJid?: string;
  /** `moderator`, `participant`, `visitor`, `none`. */
  role?: string;
  /**
   * About ourselves: the room shows us everyone's real JID (status 100, a non-anonymous room,
   * or we are a moderator of a semi-anonymous one).
   */
  seesRealJids: boolean;
  /** The presence is an error: `conflict` (nick taken), `forbidden`, ... */
  error?: string;
}

export function parseOccupantPresence(stanza: XmlElement): OccupantPresence | null {
  if (!stanza.is('presence') || !stanza.attrs.from) return null;
  const x = stanza.getChild('x', NS.mucUser);
  const isError = stanza.attrs.type === 'error';
  if (!x && !isError) return null;
  let address;
  try {
    address = parseJid(stanza.attrs.from);
  } catch {
    return null;
  }
  const codes = (x?.getChildren('status') ?? []).map((s) => s.attrs.code);
  const item = x?.getChild('item');
  const errorCondition = stanza
    .getChild('error')
    ?.children.find((c): c is XmlElement => typeof c !== 'string');
  return {
    room: address.bare().toString(),
    nick: address.resource ?? '',
    available: stanza.attrs.type !== 'unavailable' && !isError,
    self: codes.includes('110'),
    created: codes.includes('201'),
    realJid: item?.attrs.jid ? parseJid(item.attrs.jid).bare().toString() : undefined,
    role: item?.attrs.role,
    seesRealJids: codes.includes('100') || item?.attrs.role === 'moderator',
    error: isError ? (errorCondition?.name ?? 'error') : undefined,
  };
}

const marker = (): XmlElement => xml('bridged', { xmlns: NS.bridged });

export interface OutboundOptions {
  id: string;
  body: string;
  /** XEP-0308: the id of our earlier message this one replaces. */
  replaces?: string;
  /** XEP-0172: the name shown for the person we speak for. */
  nick?: string;
}

export function outboundMessage(
  to: string,
  type: 'groupchat' | 'chat',
  options: OutboundOptions,
): XmlElement {
  return xml(
    'message',
    { to, type, id: options.id },
    xml('body', {}, options.body),
    options.nick ? xml('nick', { xmlns: NS.nick }, options.nick) : undefined,
    options.replaces ? xml('replace', { xmlns: NS.correct, id: options.replaces }) : undefined,
    marker(),
  );
}

/** XEP-0444: our whole set of reactions to one message (an empty set takes them all back). */
export function reactionsMessage(
  to: string,
  type: 'groupchat' | 'chat',
  id: string,
  reactsTo: string,
  emoji: string[],
): XmlElement {
  return xml(
    'message',
    { to, type, id },
    xml(
      'reactions',
      { xmlns: NS.reactions, id: reactsTo },
      ...emoji.map((e) => xml('reaction', {}, e)),
    ),
    xml('store', { xmlns: NS.hints }),
    marker(),
  );
}

/** XEP-0424 retraction, with a fallback body for clients that do not support it. */
export function retraction(
  to: string,
  type: 'groupchat' | 'chat',
  id: string,
  retracts: string,
): XmlElement {
  return xml(
    'message',
    { to, type, id },
    xml('retract', { xmlns: NS.retract, id: retracts }),
    xml('fallback', { xmlns: NS.fallback, for: NS.retract }),
    xml('body', {}, '(message deleted)'),
    xml('store', { xmlns: NS.hints }),
    marker(),
  );
}

/** Joins a room; `since` asks for the history missed while away, else none. */
export function joinPresence(room: string, nick: string, since?: number): XmlElement {
  const history =
    since === undefined
      ? xml('history', { maxstanzas: '0' })
      : xml('history', { since: new Date(since).toISOString() });
  return xml('presence', { to: `${room}/${nick}` }, xml('x', { xmlns: NS.muc }, history), marker());
}

export function leavePresence(room: string, nick: string): XmlElement {
  return xml('presence', { to: `${room}/${nick}`, type: 'unavailable' });
}

/** Accepts the default configuration of a room our join just created (XEP-0045 instant room). */
export function instantRoomRequest(room: string): XmlElement {
  return xml(
    'iq',
    { to: room, type: 'set' },
    xml('query', { xmlns: NS.mucOwner }, xml('x', { xmlns: NS.dataForms, type: 'submit' })),
  );
}

/** A plain line from the bridge itself (not on anyone's behalf), e.g. a warning to the room. */
export function roomNotice(room: string, id: string, body: string): XmlElement {
  return xml('message', { to: room, type: 'groupchat', id }, xml('body', {}, body), marker());
}

export function subjectMessage(room: string, subject: string): XmlElement {
  return xml('message', { to: room, type: 'groupchat' }, xml('subject', {}, subject), marker());
}

export function pingRequest(to: string): XmlElement {
  return xml('iq', { to, type: 'get' }, xml('ping', { xmlns: NS.ping }));
}
