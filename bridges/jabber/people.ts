import type { MessageMap } from '../core/message-map';

/** The chat emails of XMPP people this bridge has mirrored: they are its own, never relayed back. */
export interface KnownPeople {
  has(email: string): boolean;
  add(email: string): void;
}

const key = (email: string): string => `jabber:person:${email.toLowerCase()}`;

/** Kept in the bridge's own store, so a restarted bridge still knows them. */
export function peopleInStore(map: Pick<MessageMap, 'get' | 'set'>): KnownPeople {
  return {
    has: (email) => map.get(key(email)) !== undefined,
    add: (email) => map.set(key(email), 1),
  };
}

export function peopleInMemory(): KnownPeople {
  const emails = new Set<string>();
  return {
    has: (email) => emails.has(email.toLowerCase()),
    add: (email) => emails.add(email.toLowerCase()),
  };
}
