import * as net from 'node:net';

const HEADER_END = Buffer.from('\r\n\r\n');

export interface PollAnswer {
  status: number;
  body: string;
}

/**
 * One keep-alive connection making requests one at a time, for the fan-out bench's thousand
 * long-pollers and the send bench's senders. node:http's client costs several times what the
 * server spends on a poll, and it runs on the same two cores as the server being measured; real
 * clients run elsewhere. This one writes a prepared request and reads Content-Length-framed
 * answers (what the server sends), and treats anything else as an error.
 */
export class PollConnection {
  private readonly socket: net.Socket;
  private chunks: Buffer[] = [];
  private received = 0;
  /** Where the answer being read ends (its header read), or null before its header is in. */
  private answerEnd: number | null = null;
  private bodyStart = 0;
  private status = 0;
  private waiting: { resolve: (a: PollAnswer) => void; reject: (e: Error) => void } | null = null;
  private failure: Error | null = null;

  constructor(
    port: number,
    private readonly host: string,
    private readonly headers: string,
    /** The source address (a loopback alias): one address has only ~28,000 ephemeral ports. */
    localAddress?: string,
    onConnect?: () => void,
  ) {
    this.socket = net.connect({ port, host, localAddress });
    if (onConnect) this.socket.once('connect', onConnect);
    this.socket.setNoDelay(true);
    this.socket.on('data', (chunk: Buffer) => this.onData(chunk));
    this.socket.on('error', (err) => this.fail(err));
    this.socket.on('close', () => this.fail(new Error('connection closed')));
  }

  get(path: string): Promise<PollAnswer> {
    return this.request(`GET ${path} HTTP/1.1\r\nHost: ${this.host}\r\n${this.headers}\r\n`);
  }

  /** A form POST (`body` URL-encoded). */
  postForm(path: string, body: string): Promise<PollAnswer> {
    return this.request(
      `POST ${path} HTTP/1.1\r\nHost: ${this.host}\r\n${this.headers}` +
        `Content-Type: application/x-www-form-urlencoded\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    );
  }

  private request(text: string): Promise<PollAnswer> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.waiting) return Promise.reject(new Error('one request at a time'));
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
      this.socket.write(text);
    });
  }

  close(): void {
    this.socket.destroy();
  }

  private onData(chunk: Buffer): void {
    // A large answer comes in many chunks: they are joined once it is all here, not per chunk.
    this.chunks.push(chunk);
    this.received += chunk.length;
    if (this.answerEnd === null) {
      const data = this.joined();
      const headerEnd = data.indexOf(HEADER_END);
      if (headerEnd < 0) return;
      const head = data.toString('latin1', 0, headerEnd);
      const length = /\r\ncontent-length: *(\d+)/i.exec(head);
      if (!length) return this.fail(new Error(`unframed answer: ${head.split('\r\n')[0]}`));
      this.bodyStart = headerEnd + HEADER_END.length;
      this.status = Number(head.slice(9, 12));
      this.answerEnd = this.bodyStart + Number(length[1]);
    }
    if (this.received < this.answerEnd) return;
    const data = this.joined();
    const body = data.toString('utf8', this.bodyStart, this.answerEnd);
    const rest = data.subarray(this.answerEnd);
    this.chunks = rest.length > 0 ? [rest] : [];
    this.received = rest.length;
    this.answerEnd = null;
    const waiting = this.waiting;
    this.waiting = null;
    waiting?.resolve({ status: this.status, body });
  }

  /** The chunks received so far, as one buffer (kept as the only chunk). */
  private joined(): Buffer {
    if (this.chunks.length > 1) this.chunks = [Buffer.concat(this.chunks, this.received)];
    return this.chunks[0];
  }

  private fail(err: Error): void {
    this.failure ??= err;
    const waiting = this.waiting;
    this.waiting = null;
    waiting?.reject(err);
    this.socket.destroy();
  }
}
