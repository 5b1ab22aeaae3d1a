import { Client, IrcMessageEvent } from 'irc-framework';

export interface HeardLine {
  kind: 'privmsg' | 'action' | 'notice';
  from: string;
  target: string;
  text: string;
}

/** A real IRC user (an irc-framework client) for tests: connects, joins, talks, remembers what it heard. */
export class IrcPerson {
  readonly heard: HeardLine[] = [];
  private readonly client = new Client();

  private constructor(readonly nick: string) {}

  static async connect(port: number, nick: string, password?: string): Promise<IrcPerson> {
    const person = new IrcPerson(nick);
    const record =
      (kind: HeardLine['kind']) =>
      (event: IrcMessageEvent): void => {
        if (!event.from_server) {
          person.heard.push({ kind, from: event.nick, target: event.target, text: event.message });
        }
      };
    person.client.on('privmsg', record('privmsg'));
    person.client.on('action', record('action'));
    person.client.on('notice', record('notice'));
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${nick} could not register`)), 10_000);
      person.client.once('registered', () => {
        clearTimeout(timer);
        resolve();
      });
      person.client.connect({
        host: '127.0.0.1',
        port,
        nick,
        username: nick.toLowerCase().slice(0, 9),
        gecos: nick,
        password,
        account: {},
        auto_reconnect: false,
        version: null,
      });
    });
    return person;
  }

  async join(channel: string): Promise<void> {
    await new Promise<void>((resolve) => {
      const onJoin = (event: { nick: string; channel: string }): void => {
        if (event.nick === this.nick && event.channel.toLowerCase() === channel.toLowerCase()) {
          this.client.off('join', onJoin);
          resolve();
        }
      };
      this.client.on('join', onJoin);
      this.client.join(channel);
    });
  }

  say(target: string, text: string): void {
    this.client.say(target, text);
  }

  action(target: string, text: string): void {
    this.client.action(target, text);
  }

  /** Waits until `count` lines matching `match` were heard; returns them. */
  async waitFor(
    match: (line: HeardLine) => boolean,
    count = 1,
    timeoutMs = 20_000,
  ): Promise<HeardLine[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.heard.filter(match);
      if (found.length >= count) return found;
      if (Date.now() > deadline) {
        throw new Error(
          `${this.nick} heard ${found.length}/${count} matching lines; all heard:\n` +
            this.heard.map((l) => `${l.kind} ${l.from} → ${l.target}: ${l.text}`).join('\n'),
        );
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  part(channel: string, reason: string): void {
    this.client.part(channel, reason);
  }

  kick(channel: string, nick: string, reason: string): void {
    this.client.raw('KICK', channel, nick, reason);
  }

  quit(): void {
    this.client.quit('bye');
  }
}
