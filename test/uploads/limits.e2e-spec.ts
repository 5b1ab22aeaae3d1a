import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { eventually, QueueReader } from '../events/event-fixtures';
import { startTestServer, TestServer, TestUser } from '../helpers/test-server';
import { expectOk, sendToStream, createStream } from '../messages/message-fixtures';
import { multipartBody, uploadFile } from './upload-client';

/** Every file under `dir`, recursively. */
function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name));
}

describe('upload limits, interrupted uploads and attachment events', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({
      env: {
        UPLOAD_MAX_FILE_BYTES: '2000',
        UPLOAD_REALM_QUOTA_BYTES: '5000',
        UPLOAD_RATE_LIMIT_PER_MINUTE: '4',
      },
    });
  });
  afterAll(() => server.stop());

  const send = (user: TestUser, size: number, name = 'f.bin') =>
    uploadFile(server.url, user, { name, data: Buffer.alloc(size, 7) });

  const rowsOf = async (user: TestUser) =>
    (
      await server.db.rows<{ id: number }>('SELECT id FROM attachments WHERE owner_id = $1', [
        user.id,
      ])
    ).length;

  it('answers 413 for a file over the size limit and keeps nothing of it', async () => {
    const user = await server.createUser();
    const res = await send(user, 2001);
    expect(res.status).toBe(413);
    expect(res.json()).toMatchObject({
      result: 'error',
      msg: "File is larger than this server's configured maximum upload size (2000 bytes).",
    });
    expect(await rowsOf(user)).toBe(0);
    expect(filesUnder(path.join(server.config.uploads.dir, '.tmp'))).toEqual([]);
    expect((await send(user, 2000)).status).toBe(200);
  });

  it('limits how many uploads one user makes per minute', async () => {
    const user = await server.createUser();
    for (let i = 0; i < 4; i++) expect((await send(user, 1)).status).toBe(200);
    const res = await send(user, 1);
    expect(res.status).toBe(429);
    expect(res.json()).toMatchObject({ code: 'RATE_LIMIT_HIT' });
    expect(res.headers['retry-after']).toBeTruthy();
    expect((await send(await server.createUser(), 1)).status).toBe(200);
  });

  it('leaves no partial file and no row when the upload is cut off', async () => {
    const user = await server.createUser();
    const before = filesUnder(server.config.uploads.dir).length;
    const { body, contentType } = multipartBody({ name: 'cut.bin', data: Buffer.alloc(1800, 1) });
    const url = new URL(server.url);
    const token = Buffer.from(`${user.email}:${user.apiKey}`).toString('base64');
    const socket = net.connect(Number(url.port), url.hostname);
    await new Promise<void>((resolve) => socket.once('connect', resolve));
    socket.write(
      `POST /api/v1/user_uploads HTTP/1.1\r\nHost: ${url.host}\r\nAuthorization: Basic ${token}\r\n` +
        `Content-Type: ${contentType}\r\nContent-Length: ${body.length}\r\n\r\n`,
    );
    socket.write(body.subarray(0, 1000));
    await eventually(async () => {
      // The server has started writing the temporary file...
      expect(filesUnder(path.join(server.config.uploads.dir, '.tmp')).length).toBe(1);
    });
    socket.destroy();
    await eventually(async () => {
      // ...and removes it once the client is gone.
      expect(filesUnder(path.join(server.config.uploads.dir, '.tmp'))).toEqual([]);
    });
    expect(await rowsOf(user)).toBe(0);
    expect(filesUnder(server.config.uploads.dir).length).toBe(before);
  });

  it("tells the owner's clients about their uploads: added, used, removed", async () => {
    const user = await server.createUser();
    await createStream(server, 'events', { subscribers: [user] });
    const queue = await QueueReader.register(server, user, { event_types: ['attachment'] });
    const up = await send(user, 10, 'watched.txt');
    const url = up.json().url as string;
    const [added] = await eventually(async () => {
      const events = await queue.drain();
      expect(events).toHaveLength(1);
      return events;
    });
    expect(added).toMatchObject({
      type: 'attachment',
      op: 'add',
      attachment: { name: 'watched.txt', size: 10, messages: [] },
      upload_space_used: expect.any(Number),
    });
    const attachmentId = (added.attachment as { id: number }).id;
    const messageId = await sendToStream(server.client(user), 'events', 't', `[w](${url})`);
    const [updated] = await eventually(async () => {
      const events = await queue.drain();
      expect(events).toHaveLength(1);
      return events;
    });
    expect(updated).toMatchObject({
      op: 'update',
      attachment: { id: attachmentId, messages: [{ id: messageId }] },
    });
    expectOk(await server.client(user).delete(`/attachments/${attachmentId}`));
    const [removed] = await eventually(async () => {
      const events = await queue.drain();
      expect(events).toHaveLength(1);
      return events;
    });
    expect(removed).toMatchObject({ op: 'remove', attachment: { id: attachmentId } });
  });

  // Last: it fills the quota.
  it("refuses an upload that would exceed the realm's quota", async () => {
    const used = Number(
      (await server.db.one<{ s: string }>('SELECT COALESCE(SUM(size), 0) AS s FROM attachments'))
        ?.s,
    );
    let left = 5000 - used;
    while (left >= 1500) {
      expect((await send(await server.createUser(), 1500)).status).toBe(200);
      left -= 1500;
    }
    const user = await server.createUser();
    const res = await send(user, left + 1);
    expect(res.status).toBe(400);
    expect(res.json()).toMatchObject({ result: 'error', code: 'REALM_UPLOAD_QUOTA' });
    expect(await rowsOf(user)).toBe(0);
    expect(filesUnder(path.join(server.config.uploads.dir, '.tmp'))).toEqual([]);
  });
});
