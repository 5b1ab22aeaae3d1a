import type { OccupantPresence } from './stanzas';

interface RoomState {
  joinedAs?: string;
  /** What our own presence said: the room shows us everyone's real JID. */
  seesRealJids?: boolean;
  subject?: string;
  /** When the newest relayed message was written: a rejoin asks for history since then. */
  lastSeen?: number;
  occupants: Map<string, string | undefined>;
  /** Recently relayed message keys: history replayed on rejoin is not relayed twice. */
  recent: Set<string>;
}

interface PresenceWaiter {
  resolve: (presence: OccupantPresence) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

const RECENT_LIMIT = 1000;

/** What the bridge knows about each room: joined or not, our nick, subject, occupants. */
export class RoomRegistry {
  private readonly rooms = new Map<string, RoomState>();
  private readonly waiters = new Map<string, PresenceWaiter>();

  /** True when the room is new. */
  add(room: string): boolean {
    if (this.rooms.has(room)) return false;
    this.rooms.set(room, { occupants: new Map(), recent: new Set() });
    return true;
  }

  has(room: string): boolean {
    return this.rooms.has(room);
  }

  all(): string[] {
    return [...this.rooms.keys()];
  }

  joined(): string[] {
    return [...this.rooms].filter(([, s]) => s.joinedAs !== undefined).map(([room]) => room);
  }

  isJoined(room: string): boolean {
    return this.rooms.get(room)?.joinedAs !== undefined;
  }

  /** Our nick in the room, or '' while not joined. */
  nickIn(room: string): string {
    return this.rooms.get(room)?.joinedAs ?? '';
  }

  markJoined(room: string, nick: string): void {
    const state = this.rooms.get(room);
    if (state) state.joinedAs = nick;
  }

  markLeft(room: string): void {
    const state = this.rooms.get(room);
    if (!state) return;
    state.joinedAs = undefined;
    state.seesRealJids = undefined;
    state.occupants.clear();
  }

  /** The connection ended: no room is joined any more. */
  leftAll(): void {
    for (const room of this.rooms.keys()) this.markLeft(room);
    for (const [room, waiter] of this.waiters) {
      clearTimeout(waiter.timer);
      waiter.reject(new Error(`connection ended while joining ${room}`));
    }
    this.waiters.clear();
  }

  setSubject(room: string, subject: string): void {
    const state = this.rooms.get(room);
    if (state) state.subject = subject.trim() === '' ? undefined : subject.trim();
  }

  subjectOf(room: string): string | undefined {
    return this.rooms.get(room)?.subject;
  }

  realJidOf(room: string, nick: string): string | undefined {
    return this.rooms.get(room)?.occupants.get(nick);
  }

  /** False once our presence in the room said we cannot see real JIDs. */
  seesRealJids(room: string): boolean {
    return this.rooms.get(room)?.seesRealJids !== false;
  }

  lastSeen(room: string): number | undefined {
    return this.rooms.get(room)?.lastSeen;
  }

  noteSeen(room: string, timestamp: number): void {
    const state = this.rooms.get(room);
    if (state && (state.lastSeen === undefined || timestamp > state.lastSeen)) {
      state.lastSeen = timestamp;
    }
  }

  /** True the first time a message key shows up in this room. */
  firstSighting(room: string, key: string): boolean {
    const state = this.rooms.get(room);
    if (!state) return false;
    if (state.recent.has(key)) return false;
    state.recent.add(key);
    if (state.recent.size > RECENT_LIMIT) {
      state.recent.delete(state.recent.values().next().value as string);
    }
    return true;
  }

  /** The server's answer to our join: our own presence (status 110) or an error. */
  expectSelfPresence(room: string, timeoutMs: number): Promise<OccupantPresence> {
    this.waiters.get(room)?.reject(new Error(`join of ${room} superseded`));
    return new Promise<OccupantPresence>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(room);
        reject(new Error(`no answer from ${room} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiters.set(room, { resolve, reject, timer });
    });
  }

  onPresence(presence: OccupantPresence): void {
    const state = this.rooms.get(presence.room);
    if (!state) return;
    if (presence.available) state.occupants.set(presence.nick, presence.realJid);
    else state.occupants.delete(presence.nick);
    // Set at once: history right behind this presence must already know our nick.
    if (presence.self && presence.available) {
      state.joinedAs = presence.nick;
      state.seesRealJids = presence.seesRealJids;
    }
    const waiter = this.waiters.get(presence.room);
    if (waiter && (presence.self || presence.error !== undefined)) {
      clearTimeout(waiter.timer);
      this.waiters.delete(presence.room);
      waiter.resolve(presence);
    }
  }
}
