/**
 * The part of @xmpp/client this bridge uses, typed. The package ships ES modules without type
 * declarations; Node >= 20.19 loads it with require(), but Jest's module registry cannot, so it is
 * loaded through Node's own require (as libs/markdown does for marked).
 */

export interface XmlElement {
  name: string;
  attrs: Record<string, string | undefined>;
  children: Array<XmlElement | string>;
  is(name: string, xmlns?: string): boolean;
  getChild(name: string, xmlns?: string): XmlElement | undefined;
  getChildren(name: string, xmlns?: string): XmlElement[];
  getChildText(name: string, xmlns?: string): string | null;
  getText(): string;
  toString(): string;
}

export type XmlChild = XmlElement | string | undefined | null | false;

export type XmlFactory = (
  name: string,
  attrs?: Record<string, string | undefined>,
  ...children: XmlChild[]
) => XmlElement;

export interface Jid {
  local: string;
  domain: string;
  resource: string;
  bare(): Jid;
  toString(): string;
}

export type JidFactory = (address: string) => Jid;

export interface XmppClientOptions {
  service: string;
  domain?: string;
  resource?: string;
  username?: string;
  password?: string;
  timeout?: number;
}

export interface XmppClient {
  readonly status: string;
  on(event: 'stanza', listener: (stanza: XmlElement) => void): this;
  on(event: 'online', listener: (address: Jid) => void): this;
  on(event: 'error', listener: (error: Error) => void): this;
  on(event: 'status', listener: (status: string) => void): this;
  on(event: 'offline' | 'disconnect', listener: () => void): this;
  removeAllListeners(): this;
  start(): Promise<Jid>;
  stop(): Promise<void>;
  send(element: XmlElement): Promise<void>;
  iqCaller: { request(element: XmlElement, timeoutMs?: number): Promise<XmlElement> };
  reconnect: { stop(): void };
  socket: { destroy?(): void; end?(): void } | null;
}

interface XmppModule {
  client(options: XmppClientOptions): XmppClient;
  xml: XmlFactory;
  jid: JidFactory;
}

const nodeModule = process.getBuiltinModule('node:module');
// The cast is the untyped boundary of require(): the interfaces above describe what we use.
const xmpp = nodeModule.createRequire(__filename)('@xmpp/client') as XmppModule;

/** A client that does not reconnect by itself: the bridge owns reconnects (with backoff and rejoin). */
export function createXmppClient(options: XmppClientOptions): XmppClient {
  const client = xmpp.client(options);
  client.reconnect.stop();
  return client;
}

/** Builds an element, leaving out attributes that are `undefined`. */
export const xml: XmlFactory = (name, attrs = {}, ...children) => {
  const defined: Record<string, string> = {};
  for (const [key, value] of Object.entries(attrs)) if (value !== undefined) defined[key] = value;
  return xmpp.xml(
    name,
    defined,
    ...children.filter((c) => c !== undefined && c !== null && c !== false),
  );
};

export const parseJid: JidFactory = (address) => xmpp.jid(address);
