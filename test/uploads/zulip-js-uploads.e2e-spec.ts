import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startTestServer, TestServer, TestUser } from '../helpers/test-server';
import { request } from './upload-client';

/** The parts of zulip-js (an untyped CommonJS package) this suite drives. */
interface ZulipJsClient {
  callEndpoint(
    endpoint: string,
    method: string,
    params: Record<string, unknown>,
  ): Promise<Record<string, unknown>>;
  emojis: { retrieve(params?: Record<string, unknown>): Promise<Record<string, unknown>> };
  messages: { send(params: Record<string, unknown>): Promise<Record<string, unknown>> };
}
type ZulipJs = (config: Record<string, string>) => Promise<ZulipJsClient>;

// eslint-disable-next-line @typescript-eslint/no-require-imports
const zulip = require('zulip-js') as ZulipJs;

/*
 * zulip-js has no uploads resource of its own: its users upload through `callEndpoint`, which
 * posts a multipart body (the `form-data` package) where a file stream becomes a file part.
 */
describe('uploads from the real zulip-js package', () => {
  let server: TestServer;
  let alice: TestUser;
  let dir: string;

  beforeAll(async () => {
    server = await startTestServer();
    alice = await server.createUser({ fullName: 'Alice' });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zh-zulip-js-'));
  });
  afterAll(async () => {
    fs.rmSync(dir, { recursive: true, force: true });
    await server.stop();
  });

  it('uploads a file with callEndpoint and links it in a message', async () => {
    const client = await zulip({ username: alice.email, apiKey: alice.apiKey, realm: server.url });
    const file = path.join(dir, 'meeting notes.txt');
    fs.writeFileSync(file, 'notes from zulip-js');
    const uploaded = await client.callEndpoint('/user_uploads', 'POST', {
      file: fs.createReadStream(file),
    });
    expect(uploaded).toMatchObject({
      result: 'success',
      filename: 'meeting-notes.txt',
      url: expect.stringMatching(/^\/user_uploads\/\d+\/[A-Za-z0-9_-]{32}\/meeting-notes\.txt$/),
    });
    const url = uploaded.url as string;
    expect(uploaded.uri).toBe(url);
    const sent = await client.messages.send({
      type: 'direct',
      to: alice.email,
      content: `[notes](${url})`,
    });
    expect(sent.result).toBe('success');
    const got = await request(server.url, 'GET', url, { credentials: alice });
    expect(got.body.toString()).toBe('notes from zulip-js');
    const attachments = await client.callEndpoint('/attachments', 'GET', {});
    expect(attachments).toMatchObject({
      result: 'success',
      attachments: [{ name: 'meeting-notes.txt', messages: [{ id: sent.id }] }],
    });
    const emoji = await client.emojis.retrieve();
    expect(emoji).toMatchObject({ result: 'success', emoji: {} });
  });
});
