import { PollConnection } from './poll-connection';

/**
 * A client process of the idle-capacity bench (`events --scenario idle`), forked with an IPC
 * channel: it holds one long-poll per queue it is given, each on its own keep-alive connection
 * from `localAddress`, and polls again whenever one is answered (a heartbeat, every 45–55 s), as
 * real clients do. Tens of thousands of connections do not fit in one process's default open-file
 * limit nor in one source address's ephemeral ports, so the bench runs several of these, each from
 * its own loopback address; they use the minimal PollConnection client, so that what they spend
 * stays small beside the server being measured.
 */
export interface IdleClientsJob {
  port: number;
  host: string;
  localAddress: string;
  queues: Array<{ auth: string; queueId: string }>;
}

export interface IdleClientsCount {
  /** Polls answered (heartbeats while idle). */
  answered: number;
  errors: number;
  /** Connections established. */
  connected: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function run(job: IdleClientsJob): void {
  const counts: IdleClientsCount = { answered: 0, errors: 0, connected: 0 };
  const connections = new Set<PollConnection>();
  let stopping = false;
  const connect = (auth: string) => {
    const connection = new PollConnection(
      job.port,
      job.host,
      `Authorization: ${auth}\r\n`,
      job.localAddress,
      () => counts.connected++,
    );
    connections.add(connection);
    return connection;
  };
  const loop = async ({ auth, queueId }: IdleClientsJob['queues'][number]) => {
    let connection = connect(auth);
    let last = -1;
    while (!stopping) {
      try {
        const res = await connection.get(
          `/api/v1/events?queue_id=${queueId}&last_event_id=${last}`,
        );
        if (res.status !== 200) throw new Error(res.body);
        counts.answered++;
        const { events } = JSON.parse(res.body) as { events: Array<{ id: number }> };
        for (const e of events) last = Math.max(last, e.id);
      } catch {
        if (stopping) return;
        counts.errors++;
        connection.close();
        connections.delete(connection);
        await sleep(1000);
        connection = connect(auth);
      }
    }
  };
  // Opened in steps, so the server's listen backlog does not overflow into SYN retries.
  void (async () => {
    for (let i = 0; i < job.queues.length && !stopping; i += 250) {
      job.queues.slice(i, i + 250).forEach((q) => void loop(q));
      await sleep(25);
    }
  })();
  process.on('message', (message: 'count' | 'stop') => {
    if (message === 'count') {
      process.send?.(counts);
    } else {
      stopping = true;
      connections.forEach((c) => c.close());
      process.exit(0);
    }
  });
}

if (require.main === module) {
  process.once('message', (job: IdleClientsJob) => run(job));
  // The bench going away (even killed) ends its clients.
  process.on('disconnect', () => process.exit(0));
}
