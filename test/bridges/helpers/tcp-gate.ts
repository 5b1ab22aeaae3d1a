import * as net from 'node:net';

/**
 * A TCP relay in front of a server that the test can close and open: while closed, new
 * connections are refused (destroyed at once) and open ones are cut. It lets a test decide who
 * reconnects first after a restart, without touching the bridge.
 */
export class TcpGate {
  private open = true;
  private readonly sockets = new Set<net.Socket>();
  private readonly server: net.Server;
  private listeningPort = 0;

  private constructor(private readonly targetPort: number) {
    this.server = net.createServer((client) => this.accept(client));
  }

  static async create(targetPort: number): Promise<TcpGate> {
    const gate = new TcpGate(targetPort);
    await new Promise<void>((resolve) => gate.server.listen(0, '127.0.0.1', () => resolve()));
    gate.listeningPort = (gate.server.address() as net.AddressInfo).port;
    return gate;
  }

  get port(): number {
    return this.listeningPort;
  }

  private accept(client: net.Socket): void {
    if (!this.open) {
      client.destroy();
      return;
    }
    const upstream = net.connect({ host: '127.0.0.1', port: this.targetPort });
    this.sockets.add(client);
    this.sockets.add(upstream);
    const close = (): void => {
      client.destroy();
      upstream.destroy();
      this.sockets.delete(client);
      this.sockets.delete(upstream);
    };
    client.on('error', close).on('close', close);
    upstream.on('error', close).on('close', close);
    client.pipe(upstream);
    upstream.pipe(client);
  }

  setOpen(open: boolean): void {
    this.open = open;
    if (!open) for (const socket of this.sockets) socket.destroy();
  }

  async close(): Promise<void> {
    this.setOpen(false);
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
