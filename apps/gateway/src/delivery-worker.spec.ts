import { laneOf } from '@hub/queue';
import { DeliveryJob, orderKey } from './delivery-job';
import { createDeliveryQueue } from './delivery-queue';
import { QueueSealer } from './queue-key';
import { DeliveryWorker } from './delivery-worker';
import { MemoryOnceStore } from './once-store';
import type { OutgoingMessage, ServerApi } from './server-api';

class ScriptedError extends Error {
  constructor(
    message: string,
    readonly status?: number,
    readonly code?: string,
    name = 'ZulipApiError',
  ) {
    super(message);
    this.name = name;
  }
}

/** A server that fails the first `failures` sends the way a stopped server does. */
function flakyServer(failures: number) {
  const delivered: OutgoingMessage[] = [];
  let calls = 0;
  const api: ServerApi = {
    identify: async () => ({ userId: 1, email: 'bot@x', fullName: 'Bot', isBot: true, ownerId: 2 }),
    send: async (_host, _email, _key, message) => {
      calls++;
      if (calls <= failures)
        throw new ScriptedError(
          'connect ECONNREFUSED',
          undefined,
          'ECONNREFUSED',
          'ZulipNetworkError',
        );
      delivered.push(message);
    },
  };
  return { api, delivered, calls: () => calls };
}

function job(topic: string, content: string, stream: string | null = 'ci'): DeliveryJob {
  return {
    host: 'localhost',
    botEmail: 'bot@x',
    botApiKey: 'k',
    stream,
    dmTo: stream ? null : [2],
    topic,
    content,
    ownerId: 2,
    integration: 'github',
    acceptedAt: Date.now(),
  };
}

const fastRetry = { baseMs: 1, maxMs: 5, giveUpAfterMs: 60_000 };

describe('DeliveryWorker', () => {
  it('keeps retrying while the server is unreachable, then delivers each message once, in order', async () => {
    const server = flakyServer(5);
    const worker = new DeliveryWorker(server.api, new MemoryOnceStore(), fastRetry);
    const queue = createDeliveryQueue(
      { redisUrl: undefined, prefix: 'test' },
      fastRetry,
      QueueSealer.ephemeral(),
    );
    queue.process({ run: worker.handle });
    for (let i = 0; i < 10; i++) await queue.add(job('repo / main', `message ${i}`));
    while ((await queue.depth()) > 0) await new Promise((r) => setTimeout(r, 5));
    expect(server.delivered.map((m) => m.content)).toEqual(
      Array.from({ length: 10 }, (_, i) => `message ${i}`),
    );
    expect(worker.stats).toMatchObject({ delivered: 10, dropped: 0, retries: 5 });
  });

  it('tells the owner once when the stream does not exist, instead of posting', async () => {
    const sent: OutgoingMessage[] = [];
    const api: ServerApi = {
      identify: async () => ({
        userId: 1,
        email: 'bot@x',
        fullName: 'Bot',
        isBot: true,
        ownerId: 2,
      }),
      send: async (_h, _e, _k, message) => {
        if (message.stream)
          throw new ScriptedError("Channel 'nope' does not exist", 400, 'STREAM_DOES_NOT_EXIST');
        sent.push(message);
      },
    };
    const worker = new DeliveryWorker(api, new MemoryOnceStore(), fastRetry);
    await worker.handle(job('t', 'a', 'nope'));
    await worker.handle(job('t', 'b', 'nope'));
    expect(sent).toHaveLength(1);
    expect(sent[0].dmTo).toEqual([2]);
    expect(sent[0].content).toMatch(
      /tried to send a message to channel #\*\*nope\*\*, but that channel does not exist/,
    );
  });

  it('drops a message the server refuses for good (a rotated key) and counts it', async () => {
    const api: ServerApi = {
      identify: async () => ({
        userId: 1,
        email: 'bot@x',
        fullName: 'Bot',
        isBot: true,
        ownerId: 2,
      }),
      send: async () => {
        throw new ScriptedError('Invalid API key', 401, 'INVALID_API_KEY');
      },
    };
    const worker = new DeliveryWorker(api, new MemoryOnceStore(), fastRetry);
    await worker.handle(job('t', 'x'));
    expect(worker.stats).toMatchObject({ delivered: 0, dropped: 1 });
  });

  it('gives a job back at once when stopped mid-backoff, instead of dropping it', async () => {
    const server = flakyServer(Number.MAX_SAFE_INTEGER);
    const slowRetry = { baseMs: 60_000, maxMs: 60_000, giveUpAfterMs: 600_000 };
    const worker = new DeliveryWorker(server.api, new MemoryOnceStore(), slowRetry);
    const handled = worker.handle(job('t', 'x'));
    while (server.calls() === 0) await new Promise((r) => setTimeout(r, 1));
    const started = Date.now();
    worker.stop();
    await expect(handled).rejects.toThrow('ECONNREFUSED');
    expect(Date.now() - started).toBeLessThan(1000);
    expect(worker.stats).toMatchObject({ delivered: 0, dropped: 0 });
  });
});

describe('orderKey', () => {
  it('puts every message of one topic on the same lane, case-insensitively', () => {
    expect(laneOf(orderKey(job('Repo / Main', 'a')), 4)).toBe(
      laneOf(orderKey(job('repo / main', 'b')), 4),
    );
    const shards = new Set(
      Array.from({ length: 50 }, (_, i) => laneOf(orderKey(job(`topic ${i}`, 'x')), 4)),
    );
    expect(shards.size).toBeGreaterThan(1);
  });

  it('keeps the messages of one delivery on one shard (its first topic), so they post in order', () => {
    const batch = Array.from({ length: 20 }, (_, i) => ({
      ...job(`story ${i}`, 'x'),
      shardTopic: 'story 0',
    }));
    const lane = (j: DeliveryJob) => laneOf(orderKey(j), 4);
    expect(new Set(batch.map(lane))).toEqual(new Set([lane(batch[0])]));
  });
});
