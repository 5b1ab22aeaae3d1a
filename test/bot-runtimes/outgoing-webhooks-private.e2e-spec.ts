/**
 * Outgoing webhooks may not reach private addresses (loopback, LAN, cloud metadata) unless the
 * administrator allows the host: a bot owner picks the URL and reads the answer.
 */
import { startTestServer, TestServer } from '../helpers/test-server';
import {
  botEventsSettled,
  createBot,
  eventually,
  fastRetries,
  messagesIn,
} from './runtime-fixtures';
import { json, WebhookReceiver } from './webhook-receiver';

describe('outgoing-webhook bots and private addresses', () => {
  let server: TestServer;
  let receiver: WebhookReceiver;
  beforeAll(async () => {
    server = await startTestServer({ env: { OUTGOING_WEBHOOK_ALLOWED_HOSTS: '' } });
    fastRetries(server);
    receiver = await WebhookReceiver.start(() => json(200, { content: 'internal secrets' }));
  });
  afterAll(async () => {
    await receiver.close();
    await server.stop();
  });

  it('does not call a loopback URL, and tells the owner why', async () => {
    const ownerApi = server.client(server.owner);
    const bot = await createBot(ownerApi, {
      full_name: 'Inside Bot',
      short_name: 'inside',
      bot_type: 3,
      payload_url: JSON.stringify(receiver.url),
      interface_type: 1,
    });
    const member = await server.createUser();
    const memberApi = server.client(member);
    const sent = await memberApi.post('/messages', {
      type: 'private',
      to: JSON.stringify([bot.userId]),
      content: 'what is on your network?',
    });
    expect(sent.status).toBe(200);
    const notices = await eventually(
      async () =>
        (await messagesIn(ownerApi, [{ operator: 'dm', operand: [bot.userId] }])).filter(
          (m) => m.sender_id === bot.userId,
        ),
      (found) => found.length > 0,
    );
    expect(notices.map((m) => m.content)).toEqual([
      expect.stringMatching(
        /127\.0\.0\.1 is on a private network address.*OUTGOING_WEBHOOK_ALLOWED_HOSTS/s,
      ),
    ]);
    await botEventsSettled(server);
    expect(receiver.calls).toHaveLength(0);
    const toMember = await messagesIn(memberApi, [{ operator: 'dm', operand: [bot.userId] }]);
    expect(toMember.filter((m) => m.sender_id === bot.userId)).toEqual([]);
  });
});
