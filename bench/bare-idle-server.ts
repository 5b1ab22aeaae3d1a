import { BareLongPollServer } from './bare-long-poll';

/**
 * The idle-capacity bench's baseline server, in its own process so that its memory and CPU can
 * be read like the server's: a bare node:http long-poll server answering each parked poll with a
 * heartbeat after 45–55 s. Forked with an IPC channel; sends its base URL, ends with the bench.
 */
if (require.main === module) {
  const server = new BareLongPollServer({ minMs: 45_000, maxMs: 55_000 });
  void server.listen().then((url) => process.send?.(url));
  process.on('disconnect', () => process.exit(0));
}
