import * as fs from 'node:fs';
import * as path from 'node:path';

/** Which side a mapped message was first written on. */
export type Origin = 'chat' | 'remote';

export interface MappedMessage {
  serverId: number;
  remoteId: string;
  origin: Origin;
  /** The remote channel it was relayed to or came from (deletes need it after the message is gone). */
  channel?: string;
}

type Entry =
  | { t: 'link'; s: number; r: string; o: Origin; c?: string }
  | { t: 'kv'; k: string; v: string | number | null };

export interface MessageMapOptions {
  /** Links kept; the oldest are forgotten beyond this (edits of very old messages stop relaying). */
  maxLinks?: number;
  fileName?: string;
}

/**
 * The bridge's own small persistent store: remote message id ↔ server message id (for edits,
 * deletes and loop prevention) plus a few named values (the chat cursor, DM partners). An
 * append-only JSON-lines log under the data dir, rewritten (compacted) when it holds more than
 * twice the live entries. Each write is appended synchronously, so a crash loses nothing written.
 */
export class MessageMap {
  private readonly byServer = new Map<number, MappedMessage>();
  private readonly byRemote = new Map<string, MappedMessage>();
  private readonly values = new Map<string, string | number>();
  private readonly file: string;
  private readonly maxLinks: number;
  private lines = 0;

  constructor(dataDir: string, options: MessageMapOptions = {}) {
    fs.mkdirSync(dataDir, { recursive: true });
    this.file = path.join(dataDir, options.fileName ?? 'message-map.jsonl');
    this.maxLinks = options.maxLinks ?? 100_000;
    this.load();
    if (this.lines > this.liveEntries() * 2 + 100) this.compact();
  }

  private liveEntries(): number {
    return this.byServer.size + this.values.size;
  }

  private load(): void {
    if (!fs.existsSync(this.file)) return;
    const text = fs.readFileSync(this.file, 'utf8');
    for (const line of text.split('\n')) {
      if (line.trim() === '') continue;
      this.lines += 1;
      let entry: Entry;
      try {
        entry = JSON.parse(line) as Entry;
      } catch {
        // A line cut short by a crash mid-write: everything before it is intact.
        continue;
      }
      this.applyEntry(entry);
    }
  }

  private applyEntry(entry: Entry): void {
    if (entry.t === 'link') {
      this.remember({ serverId: entry.s, remoteId: entry.r, origin: entry.o, channel: entry.c });
    } else if (entry.t === 'kv') {
      if (entry.v === null) this.values.delete(entry.k);
      else this.values.set(entry.k, entry.v);
    }
  }

  private remember(link: MappedMessage): void {
    const previous = this.byServer.get(link.serverId);
    if (previous) this.byRemote.delete(previous.remoteId);
    this.byServer.delete(link.serverId);
    this.byServer.set(link.serverId, link);
    this.byRemote.set(link.remoteId, link);
    while (this.byServer.size > this.maxLinks) {
      const oldest = this.byServer.values().next().value as MappedMessage;
      this.byServer.delete(oldest.serverId);
      this.byRemote.delete(oldest.remoteId);
    }
  }

  private append(entry: Entry): void {
    fs.appendFileSync(this.file, `${JSON.stringify(entry)}\n`);
    this.lines += 1;
    if (this.lines > this.liveEntries() * 2 + 1000) this.compact();
  }

  /** Rewrites the log with only the live entries (atomically, through a temporary file). */
  compact(): void {
    const out: string[] = [];
    for (const link of this.byServer.values()) {
      const entry: Entry = { t: 'link', s: link.serverId, r: link.remoteId, o: link.origin };
      if (link.channel !== undefined) entry.c = link.channel;
      out.push(JSON.stringify(entry));
    }
    for (const [k, v] of this.values) out.push(JSON.stringify({ t: 'kv', k, v }));
    const temp = `${this.file}.tmp`;
    fs.writeFileSync(temp, out.length ? `${out.join('\n')}\n` : '');
    fs.renameSync(temp, this.file);
    this.lines = out.length;
  }

  link(serverId: number, remoteId: string, origin: Origin, channel?: string): void {
    this.remember({ serverId, remoteId, origin, channel });
    const entry: Entry = { t: 'link', s: serverId, r: remoteId, o: origin };
    if (channel !== undefined) entry.c = channel;
    this.append(entry);
  }

  byServerId(serverId: number): MappedMessage | undefined {
    return this.byServer.get(serverId);
  }

  byRemoteId(remoteId: string): MappedMessage | undefined {
    return this.byRemote.get(remoteId);
  }

  get(key: string): string | number | undefined {
    return this.values.get(key);
  }

  set(key: string, value: string | number | null): void {
    if (value === null) {
      if (!this.values.has(key)) return;
      this.values.delete(key);
    } else {
      if (this.values.get(key) === value) return;
      this.values.set(key, value);
    }
    this.append({ t: 'kv', k: key, v: value });
  }

  get size(): number {
    return this.byServer.size;
  }

  get logLines(): number {
    return this.lines;
  }
}
