import { Logger } from '@nestjs/common';
import { OnGatewayConnection, WebSocketGateway } from '@nestjs/websockets';
import type { IncomingMessage } from 'node:http';
import type { RawData, WebSocket } from 'ws';
import { Authenticator, parseBasicAuth } from '../../auth/authenticator';
import { ZulipError } from '../../common/zulip-error';
import type { User } from '../../identity/user.types';
import { SessionsService } from '../../sessions/sessions.service';
import { EventsService } from './events.service';
import { SOCKET_CLOSE, SocketListener } from './socket-listener';

/** Where the event socket listens, on the API's own port. */
export const EVENTS_SOCKET_PATH = '/api/v1/events/socket';

const PING_EVERY_MS = 30_000;

/** Messages a client sends, one JSON object per frame. */
type ClientMessage =
  | { type: 'auth'; email: string; api_key: string }
  | { type: 'resume'; queue_id: string; last_event_id: number }
  | { type: 'ack'; last_event_id: number };

function parseMessage(data: RawData): ClientMessage | null {
  try {
    const value = JSON.parse(data.toString()) as { type?: unknown };
    return value && typeof value.type === 'string' ? (value as ClientMessage) : null;
  } catch {
    return null;
  }
}

/** One socket's state: who it is and which queue it streams. */
interface Session {
  user: User | null;
  listener: SocketListener | null;
}

/**
 * The event stream over WebSocket, with the same queues as `GET /events`. Protocol:
 * authenticate (Basic auth or the web session's cookie on the upgrade, or
 * `{type:'auth', email, api_key}`), then
 * `{type:'resume', queue_id, last_event_id}`; the server sends `{type:'events', queue_id, events}`
 * frames as events arrive; `{type:'ack', last_event_id}` discards delivered events. A client that
 * reconnects and resumes from its last acknowledged id misses nothing.
 */
@WebSocketGateway({ path: EVENTS_SOCKET_PATH })
export class EventsGateway implements OnGatewayConnection {
  private readonly logger = new Logger('EventSocket');

  constructor(
    private readonly events: EventsService,
    private readonly auth: Authenticator,
    private readonly sessions: SessionsService,
  ) {}

  async handleConnection(socket: WebSocket, request: IncomingMessage): Promise<void> {
    const session: Session = { user: null, listener: null };
    const host = request.headers.host;
    let chain = Promise.resolve();
    /** Frames in the chain not yet handled. */
    let queued = 0;
    // Frames are handled one at a time, in order (an ack must not overtake its resume). An ack
    // with nothing before it in the chain is handled at once: every events frame brings one.
    socket.on('message', (data: RawData) => {
      const message = parseMessage(data);
      if (queued === 0 && message?.type === 'ack' && session.user && session.listener) {
        return this.ackNow(socket, session.listener, message.last_event_id);
      }
      queued++;
      chain = chain
        .then(() => this.onMessage(socket, session, host, message))
        .then(() => void queued--);
    });
    socket.on('close', () => {
      if (session.listener) this.events.detach(session.listener);
      session.listener = null;
    });
    this.keepAlive(socket);
    try {
      const basic = parseBasicAuth(request.headers.authorization);
      if (basic) await this.login(socket, session, host, basic.email, basic.apiKey);
      else await this.loginBySession(socket, session, request);
    } catch (err) {
      this.fail(socket, err, SOCKET_CLOSE.unauthorized);
    }
  }

  private async onMessage(
    socket: WebSocket,
    session: Session,
    host: string | undefined,
    message: ClientMessage | null,
  ): Promise<void> {
    try {
      if (!message) throw ZulipError.badRequest('Messages must be JSON objects with a "type"');
      if (message.type === 'auth') {
        return await this.login(
          socket,
          session,
          host,
          String(message.email),
          String(message.api_key),
        );
      }
      const user = session.user;
      if (!user) throw new ZulipError('UNAUTHORIZED', 'Authenticate first', 401);
      if (message.type === 'resume') return await this.resume(socket, session, user, message);
      if (message.type === 'ack') return this.ack(session, message.last_event_id);
      throw ZulipError.badRequest(
        `Unknown message type "${String((message as { type: unknown }).type)}"`,
      );
    } catch (err) {
      this.fail(socket, err, message?.type === 'auth' ? SOCKET_CLOSE.unauthorized : undefined);
    }
  }

  private async login(
    socket: WebSocket,
    session: Session,
    host: string | undefined,
    email: string,
    apiKey: string,
  ): Promise<void> {
    const realm = await this.auth.realmFor(host);
    session.user = await this.auth.userFor(realm, { email, apiKey }, false);
    socket.send(JSON.stringify({ type: 'auth', result: 'success', user_id: session.user.id }));
  }

  /**
   * The browser client: its session cookie comes with the upgrade. Browsers send cookies on
   * cross-site WebSocket upgrades too, so the page's origin must be this very host.
   */
  private async loginBySession(
    socket: WebSocket,
    session: Session,
    request: IncomingMessage,
  ): Promise<void> {
    if (!request.headers.cookie) return;
    const origin = request.headers.origin;
    let originHost: string | null = null;
    try {
      originHost = origin ? new URL(origin).host : null;
    } catch {
      originHost = null;
    }
    if (origin !== undefined && originHost !== request.headers.host) {
      throw new ZulipError('UNAUTHORIZED', 'Cross-origin event socket refused', 401);
    }
    const realm = await this.auth.realmFor(request.headers.host);
    const found = await this.sessions.resolve(request, realm);
    if (!found) return;
    session.user = found.user;
    socket.send(JSON.stringify({ type: 'auth', result: 'success', user_id: found.user.id }));
  }

  private async resume(
    socket: WebSocket,
    session: Session,
    user: User,
    message: { queue_id: unknown; last_event_id: unknown },
  ): Promise<void> {
    const queueId = String(message.queue_id ?? '');
    const lastEventId = Number.isInteger(message.last_event_id)
      ? Number(message.last_event_id)
      : -1;
    if (session.listener) this.events.detach(session.listener);
    const { backlog, listener } = await this.events.resume(
      user.id,
      queueId,
      lastEventId,
      (after) => new SocketListener(socket, queueId, lastEventId, after),
    );
    session.listener = listener;
    if (socket.readyState !== socket.OPEN) {
      this.events.detach(listener);
      return;
    }
    socket.send(JSON.stringify({ type: 'resumed', queue_id: queueId, last_event_id: lastEventId }));
    listener.send(backlog);
  }

  /**
   * Records the acknowledgement; the queue discards the events on its next read for this socket
   * (or when the client resumes), so an ack costs no store round trip.
   */
  private ack(session: Session, lastEventId: unknown): void {
    const listener = session.listener;
    if (!listener) throw ZulipError.badRequest('Resume a queue first');
    acknowledge(listener, lastEventId);
  }

  /** `ack` outside the chain (nothing is queued before it), with the same errors. */
  private ackNow(socket: WebSocket, listener: SocketListener, lastEventId: unknown): void {
    try {
      acknowledge(listener, lastEventId);
    } catch (err) {
      this.fail(socket, err);
    }
  }

  private fail(socket: WebSocket, err: unknown, closeCode?: number): void {
    const error =
      err instanceof ZulipError ? err : new ZulipError('BAD_REQUEST', 'Internal error', 500);
    if (!(err instanceof ZulipError)) this.logger.error((err as Error).stack ?? String(err));
    if (socket.readyState !== socket.OPEN) return;
    socket.send(JSON.stringify({ type: 'error', ...error.envelope() }));
    if (closeCode !== undefined) socket.close(closeCode, error.message.slice(0, 120));
  }

  /** Pings the client; a socket that stops answering is dropped (and its listener detached). */
  private keepAlive(socket: WebSocket): void {
    let alive = true;
    socket.on('pong', () => (alive = true));
    const timer = setInterval(() => {
      if (!alive) return socket.terminate();
      alive = false;
      socket.ping();
    }, PING_EVERY_MS);
    timer.unref();
    socket.on('close', () => clearInterval(timer));
  }
}

function acknowledge(listener: SocketListener, lastEventId: unknown): void {
  if (!Number.isInteger(lastEventId)) throw ZulipError.invalid('last_event_id');
  listener.ack = Math.min(listener.after, Math.max(listener.ack, Number(lastEventId)));
}
