import type { MessageMap } from '../core/message-map';

/**
 * The chat emails of XMPP people this bridge has mirrored (its own, never relayed back), and the
 * real JID last seen behind each room nick: a room that stops showing real JIDs (recreated after a
 * server restart by someone else, so the bridge is no moderator there) keeps each person the same
 * chat user.
 */
export interface KnownPeople {
  has(email: string): boolean;
  add(email: string): void;
  jidBehind(room: string, nick: string): string | undefined;
  rememberJid(room: string, nick: string, jid: string): void;
}

const key = (email: string): string => `jabber:person:${email.toLowerCase()}`;
const occupantKey = (room: string, nick: string): string =>
  `jabber:occupant:${room.toLowerCase()}/${nick}`;

/** Kept in the bridge's own store, so a restarted bridge still knows them. */
export function peopleInStore(map: Pick<MessageMap, 'get' | 'set'>): KnownPeople {
  return {
    has: (email) => map.get(key(email)) !== undefined,
    add: (email) => map.set(key(email), 1),
    jidBehind: (room, nick) => {
      const jid = map.get(occupantKey(room, nick));
      return typeof jid === 'string' ? jid : undefined;
    },
    rememberJid: (room, nick, jid) => map.set(occupantKey(room, nick), jid.toLowerCase()),
  };
}

export function peopleInMemory(): KnownPeople {
  const emails = new Set<string>();
  const occupants = new Map<string, string>();
  return {
    has: (email) => emails.has(email.toLowerCase()),
    add: (email) => emails.add(email.toLowerCase()),
    jidBehind: (room, nick) => occupants.get(occupantKey(room, nick)),
    rememberJid: (room, nick, jid) => occupants.set(occupantKey(room, nick), jid.toLowerCase()),
  };
}
