import WebSocket from 'ws';
import { EVENTS_SOCKET_PATH } from '../../apps/server/src/events/queues/events.gateway';
import { startTestServer } from '../helpers/test-server';
import { QueueReader } from './event-fixtures';

describe('graceful shutdown of the event transports', () => {
  it('answers open long-polls with no events and closes sockets with "restarting"', async () => {
    const server = await startTestServer();
    const alice = await server.createUser();
    const pollQueue = await QueueReader.register(server, alice, { event_types: ['realm'] });
    const socketQueue = await QueueReader.register(server, alice, { event_types: ['realm'] });

    const poll = server
      .client(alice)
      .get('/events', { queue_id: pollQueue.queueId, last_event_id: -1 });
    const auth = Buffer.from(`${alice.email}:${alice.apiKey}`).toString('base64');
    const socket = new WebSocket(server.url.replace('http', 'ws') + EVENTS_SOCKET_PATH, {
      headers: { authorization: `Basic ${auth}` },
    });
    const closed = new Promise<number>((resolve) => socket.once('close', resolve));
    await new Promise<void>((resolve) => {
      socket.on('message', (data) => {
        const frame = JSON.parse(data.toString()) as { type: string };
        if (frame.type === 'auth') {
          socket.send(
            JSON.stringify({ type: 'resume', queue_id: socketQueue.queueId, last_event_id: -1 }),
          );
        }
        if (frame.type === 'resumed') resolve();
      });
    });
    await new Promise((r) => setTimeout(r, 200));

    const stopping = server.stop();
    const answered = await poll;
    expect(answered.status).toBe(200);
    expect(answered.body).toMatchObject({ result: 'success', events: [] });
    expect(await closed).toBe(1012);
    await stopping;
  });
});
