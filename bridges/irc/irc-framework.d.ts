/**
 * The part of irc-framework (an untyped CommonJS package) the bridge and its tests use, typed from
 * its source (src/client.js, src/commands/handlers/*.js).
 */
declare module 'irc-framework' {
  export interface IrcClientOptions {
    host: string;
    port: number;
    nick: string;
    username?: string;
    gecos?: string;
    password?: string;
    tls?: boolean;
    rejectUnauthorized?: boolean;
    /** SASL PLAIN credentials; `{}` turns SASL off (otherwise `password` is also tried as SASL). */
    account?: { account?: string; password?: string };
    auto_reconnect?: boolean;
    ping_interval?: number;
    ping_timeout?: number;
    message_max_length?: number;
    version?: string | null;
    encoding?: string;
  }

  export interface IrcMessageEvent {
    from_server: boolean;
    nick: string;
    ident: string;
    hostname: string;
    target: string;
    message: string;
    time?: number;
    account?: string;
  }

  export interface IrcChannelEvent {
    nick: string;
    ident?: string;
    hostname?: string;
    channel: string;
    message?: string;
    time?: number;
  }

  export interface IrcKickEvent extends IrcChannelEvent {
    kicked: string;
  }

  export interface IrcEvents {
    registered: (event: { nick: string }) => void;
    connected: (event: { nick: string }) => void;
    privmsg: (event: IrcMessageEvent) => void;
    action: (event: IrcMessageEvent) => void;
    notice: (event: IrcMessageEvent) => void;
    join: (event: IrcChannelEvent) => void;
    part: (event: IrcChannelEvent) => void;
    kick: (event: IrcKickEvent) => void;
    quit: (event: { nick: string; message?: string }) => void;
    nick: (event: { nick: string; new_nick: string }) => void;
    'nick in use': (event: { nick: string; reason: string }) => void;
    pong: (event: { message: string }) => void;
    'irc error': (event: { error: string; channel?: string; reason?: string }) => void;
    'sasl failed': (event: { reason: string; message?: string }) => void;
    loggedin: (event: { account: string }) => void;
    'socket connected': () => void;
    'socket close': (error?: Error) => void;
    close: (hadError: boolean) => void;
    'ping timeout': () => void;
  }

  export class Client {
    constructor(options?: Partial<IrcClientOptions>);
    user: { nick: string; username: string; host: string };
    connection: { connected: boolean; end(message?: string, force?: boolean): void };
    connect(options?: IrcClientOptions): void;
    on<E extends keyof IrcEvents>(event: E, listener: IrcEvents[E]): this;
    once<E extends keyof IrcEvents>(event: E, listener: IrcEvents[E]): this;
    off<E extends keyof IrcEvents>(event: E, listener: IrcEvents[E]): this;
    removeAllListeners(): this;
    raw(...args: Array<string | number>): void;
    say(target: string, message: string): void;
    notice(target: string, message: string): void;
    action(target: string, message: string): void;
    join(channel: string, key?: string): void;
    part(channel: string, message?: string): void;
    quit(message?: string): void;
    ping(message?: string): void;
    changeNick(nick: string): void;
  }
}
