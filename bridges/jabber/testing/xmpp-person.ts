import { randomUUID } from 'node:crypto';
import { NS } from '../stanzas';
import { createXmppClient, xml, XmlElement, XmppClient } from '../xmpp';

export interface ReceivedMessage {
  type: string;
  from: string;
  id: string | undefined;
  body: string;
  replaces: string | undefined;
  retracts: string | undefined;
  delayed: boolean;
}

/**
 * A real XMPP client acting as a person in end-to-end tests: joins rooms, talks, corrects
 * itself (XEP-0308), and records every message it receives.
 */
/** A XEP-0444 reaction set received: who, about which message id, and the emoji. */
export interface ReceivedReactions {
  from: string;
  to: string;
  emoji: string[];
}

export class XmppPerson {
  readonly received: ReceivedMessage[] = [];
  readonly reactions: ReceivedReactions[] = [];
  private client: XmppClient | undefined;
  private readonly rooms = new Map<string, string>();

  constructor(
    private readonly service: string,
    readonly jid: string,
    private readonly password: string,
  ) {}

  async connect(): Promise<void> {
    const [local, domain] = this.jid.split('@');
    const client = createXmppClient({
      service: this.service,
      domain,
      username: local,
      password: this.password,
      resource: 'person',
    });
    client.on('error', () => undefined);
    client.on('stanza', (stanza) => this.record(stanza));
    await client.start();
    await client.send(xml('presence', {}));
    this.client = client;
    for (const [room, nick] of this.rooms) await this.enter(room, nick);
  }

  /** After the server came back: a new connection, back in every room. */
  async reconnect(): Promise<void> {
    const old = this.client;
    this.client = undefined;
    old?.removeAllListeners();
    old?.on('error', () => undefined);
    old?.socket?.destroy?.();
    await this.connect();
  }

  async join(room: string, nick: string): Promise<void> {
    this.rooms.set(room, nick);
    await this.enter(room, nick);
  }

  private async enter(room: string, nick: string): Promise<void> {
    const joined = this.nextStanza(
      (s) => s.is('presence') && s.attrs.from === `${room}/${nick}`,
      10_000,
    );
    await this.live().send(xml('presence', { to: `${room}/${nick}` }, xml('x', { xmlns: NS.muc })));
    await joined;
  }

  async say(room: string, body: string): Promise<string> {
    const id = randomUUID();
    await this.live().send(
      xml('message', { to: room, type: 'groupchat', id }, xml('body', {}, body)),
    );
    return id;
  }

  async correct(to: string, type: 'groupchat' | 'chat', replaces: string, body: string) {
    const id = randomUUID();
    await this.live().send(
      xml(
        'message',
        { to, type, id },
        xml('body', {}, body),
        xml('replace', { xmlns: NS.correct, id: replaces }),
      ),
    );
    return id;
  }

  /** XEP-0444: this person's whole set of reactions to message `id` (empty: none any more). */
  async react(to: string, type: 'groupchat' | 'chat', id: string, emoji: string[]) {
    await this.live().send(
      xml(
        'message',
        { to, type, id: randomUUID() },
        xml('reactions', { xmlns: NS.reactions, id }, ...emoji.map((e) => xml('reaction', {}, e))),
        xml('store', { xmlns: NS.hints }),
      ),
    );
  }

  /** A file shared the way HTTP upload clients do: the link as body and as XEP-0066 OOB data. */
  async share(room: string, url: string): Promise<string> {
    const id = randomUUID();
    await this.live().send(
      xml(
        'message',
        { to: room, type: 'groupchat', id },
        xml('body', {}, url),
        xml('x', { xmlns: NS.oob }, xml('url', {}, url)),
      ),
    );
    return id;
  }

  async chat(to: string, body: string): Promise<string> {
    const id = randomUUID();
    await this.live().send(xml('message', { to, type: 'chat', id }, xml('body', {}, body)));
    return id;
  }

  async setSubject(room: string, subject: string): Promise<void> {
    await this.live().send(
      xml('message', { to: room, type: 'groupchat' }, xml('subject', {}, subject)),
    );
  }

  /** Waits until a received message matches. */
  async waitFor(
    predicate: (m: ReceivedMessage) => boolean,
    timeoutMs = 15_000,
  ): Promise<ReceivedMessage> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.received.find(predicate);
      if (found) return found;
      if (Date.now() > deadline) {
        const seen = this.received.map((m) => `${m.from}: ${m.body}`).join('\n');
        throw new Error(`${this.jid} never received the expected message; got:\n${seen}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  async stop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    if (!client) return;
    await Promise.race([client.stop(), new Promise((resolve) => setTimeout(resolve, 2000))]);
    client.socket?.destroy?.();
  }

  private live(): XmppClient {
    if (!this.client) throw new Error(`${this.jid} is not connected`);
    return this.client;
  }

  private readonly waiters: Array<{
    match: (s: XmlElement) => boolean;
    resolve: () => void;
  }> = [];

  private nextStanza(match: (s: XmlElement) => boolean, timeoutMs: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error('no answer from the XMPP server')),
        timeoutMs,
      );
      this.waiters.push({
        match,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      });
    });
  }

  private record(stanza: XmlElement): void {
    for (const waiter of [...this.waiters]) {
      if (waiter.match(stanza)) {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    }
    if (!stanza.is('message')) return;
    const reactions = stanza.getChild('reactions', NS.reactions);
    if (reactions?.attrs.id) {
      this.reactions.push({
        from: stanza.attrs.from ?? '',
        to: reactions.attrs.id,
        emoji: reactions.getChildren('reaction').map((r) => r.getText()),
      });
    }
    const body = stanza.getChildText('body');
    if (body === null) return;
    this.received.push({
      type: stanza.attrs.type ?? 'normal',
      from: stanza.attrs.from ?? '',
      id: stanza.attrs.id,
      body,
      replaces: stanza.getChild('replace', NS.correct)?.attrs.id,
      retracts: stanza.getChild('retract', NS.retract)?.attrs.id,
      delayed: stanza.getChild('delay', NS.delay) !== undefined,
    });
  }
}
