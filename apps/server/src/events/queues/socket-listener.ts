import type { WebSocket } from 'ws';
import { badEventQueue, idOf, ListenerEnd, QueueListener } from './queue-listener';

/** Close codes the event socket uses besides the standard ones. */
export const SOCKET_CLOSE = { superseded: 4000, unauthorized: 4001, badQueue: 4400 } as const;

/** A WebSocket streaming one queue: it stays attached and receives every event as it comes. */
export class SocketListener implements QueueListener {
  constructor(
    private readonly socket: WebSocket,
    readonly queueId: string,
    public ack: number,
    public after: number,
  ) {}

  deliver(texts: string[]): boolean {
    this.send(texts);
    return true;
  }

  /**
   * Sends events (the stored JSON texts, spliced in as they are) and remembers that the socket
   * has them; they stay queued until acknowledged.
   */
  send(texts: string[]): void {
    if (texts.length === 0) return;
    this.after = idOf(texts[texts.length - 1]);
    const queueId = JSON.stringify(this.queueId);
    this.socket.send(`{"type":"events","queue_id":${queueId},"events":[${texts.join(',')}]}`);
  }

  end(reason: ListenerEnd): void {
    if (reason === 'disconnected') return;
    if (reason === 'shutdown') {
      this.socket.close(1012, 'Server restarting');
    } else if (reason === 'superseded') {
      this.socket.close(SOCKET_CLOSE.superseded, 'Another connection took this queue over');
    } else {
      this.socket.send(
        JSON.stringify({ type: 'error', ...badEventQueue(this.queueId).envelope() }),
      );
      this.socket.close(SOCKET_CLOSE.badQueue, 'Bad event queue ID');
    }
  }
}
