import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

interface BareQueue {
  events: Array<{ id: number; json: string }>;
  lastId: number;
  parked: http.ServerResponse | null;
  /** The parked poll's heartbeat (when the server sends them). */
  timer?: NodeJS.Timeout;
}

/** Heartbeats: a parked poll is answered with one after a random delay in [minMs, maxMs]. */
export interface BareHeartbeats {
  minMs: number;
  maxMs: number;
}

/**
 * The fan-out bench's long-poll baseline: a bare node:http server with in-memory queues and no
 * authentication, validation or framework, answering the same envelope as `GET /api/v1/events`.
 * It shows what long-polling itself costs on this machine. With `heartbeats` (the idle-capacity
 * baseline), a parked poll is answered with a heartbeat event after 45–55 s, as the server does.
 */
export class BareLongPollServer {
  private readonly server = http.createServer((req, res) => this.onRequest(req, res));
  private readonly queues = new Map<string, BareQueue>();

  constructor(private readonly heartbeats?: BareHeartbeats) {}

  async listen(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Appends `event` (JSON without an id) to every queue and answers their parked polls. */
  broadcast(event: string): void {
    for (const [queueId, queue] of this.queues) {
      queue.lastId += 1;
      queue.events.push({ id: queue.lastId, json: `{"id":${queue.lastId},${event.slice(1)}` });
      this.answerParked(queueId, queue);
    }
  }

  private answerParked(queueId: string, queue: BareQueue): void {
    if (!queue.parked) return;
    const res = queue.parked;
    queue.parked = null;
    clearTimeout(queue.timer);
    answer(res, queueId, queue);
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  private onRequest(req: http.IncomingMessage, res: http.ServerResponse): void {
    const query = new URL(req.url ?? '/', 'http://bare').searchParams;
    const queueId = query.get('queue_id') ?? '';
    const ack = Number(query.get('last_event_id') ?? -1);
    let queue = this.queues.get(queueId);
    if (!queue) this.queues.set(queueId, (queue = { events: [], lastId: -1, parked: null }));
    const firstKept = queue.events.findIndex((e) => e.id > ack);
    queue.events.splice(0, firstKept < 0 ? queue.events.length : firstKept);
    if (queue.events.length > 0) return answer(res, queueId, queue);
    queue.parked = res;
    const beats = this.heartbeats;
    if (!beats) return;
    const q = queue;
    q.timer = setTimeout(
      () => {
        q.lastId += 1;
        q.events.push({ id: q.lastId, json: `{"id":${q.lastId},"type":"heartbeat"}` });
        this.answerParked(queueId, q);
      },
      beats.minMs + Math.floor(Math.random() * (beats.maxMs - beats.minMs + 1)),
    );
  }
}

function answer(res: http.ServerResponse, queueId: string, queue: BareQueue): void {
  const body =
    `{"result":"success","msg":"","events":[${queue.events.map((e) => e.json).join(',')}],` +
    `"queue_id":${JSON.stringify(queueId)}}`;
  res.writeHead(200, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
  });
  res.end(body);
}
