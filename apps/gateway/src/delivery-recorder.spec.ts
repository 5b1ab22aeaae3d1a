import { DeliveryRecorder, replayOf } from './delivery-recorder';
import type { DeliveryJob } from './delivery-job';
import type { DeliveryReportParams, ServerApi } from './server-api';

function fakeServer() {
  const reports: DeliveryReportParams[] = [];
  const api: ServerApi = {
    identify: () => Promise.reject(new Error('unused')),
    send: () => Promise.resolve(1),
    reportDelivery: (_host, _email, _key, report) => {
      reports.push(report);
      return Promise.resolve();
    },
  };
  return { api, reports };
}

const webhook = {
  host: 'chat.example.com',
  bot: { userId: 7, email: 'ci-bot@example.com', fullName: 'CI', isBot: true, ownerId: 3 },
  apiKey: 'secret-key',
  integration: 'github',
  headers: {
    'x-github-event': 'push',
    authorization: 'Basic c2VjcmV0',
    cookie: 'a=b',
    'x-zulip-hub-replay-of': '41',
  },
  query: { api_key: 'secret-key', stream: 'dev' },
  rawBody: Buffer.from('{"ref":"x"}'),
};

describe('DeliveryRecorder', () => {
  it('stores what a replay needs, never the key or credentials, and links a replay to its original', async () => {
    const { api, reports } = fakeServer();
    const recorder = new DeliveryRecorder(api);
    recorder.start(webhook).queued('push_commits');
    await recorder.settled();
    expect(reports).toEqual([
      expect.objectContaining({
        integration: 'github',
        outcome: 'queued',
        event: 'push_commits',
        host: 'chat.example.com',
        headers: { 'x-github-event': 'push' },
        query: { stream: 'dev' },
        body: Buffer.from('{"ref":"x"}').toString('base64'),
        replay_of: 41,
      }),
    ]);
  });

  it('reports the first outcome of a record only, then the worker’s outcome of its job, in order', async () => {
    const { api, reports } = fakeServer();
    const recorder = new DeliveryRecorder(api);
    const record = recorder.start(webhook);
    const uuid = record.queued('push_commits');
    record.failed(null, 'late error');
    const job = { host: 'h', botEmail: 'e', botApiKey: 'k', integration: 'github' } as DeliveryJob;
    recorder.delivered({ ...job, deliveryId: uuid }, 99);
    recorder.failed(job, 'a notice without a record is not reported');
    await recorder.settled();
    expect(reports.map((r) => [r.uuid, r.outcome, r.message_id])).toEqual([
      [uuid, 'queued', undefined],
      [uuid, 'delivered', 99],
    ]);
  });

  it('reads the replay header only when it is an id', () => {
    expect(replayOf({ 'x-zulip-hub-replay-of': '12' })).toBe(12);
    expect(replayOf({ 'x-zulip-hub-replay-of': '12; drop' })).toBeNull();
    expect(replayOf({})).toBeNull();
  });
});
