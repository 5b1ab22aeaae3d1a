import * as fs from 'node:fs';
import * as path from 'node:path';
import sharp from 'sharp';
import { Role } from '../../apps/server/src/identity/user.types';
import { UploadsService } from '../../apps/server/src/uploads/uploads.service';
import { startTestServer, TestServer, TestUser } from '../helpers/test-server';
import { createStream, expectOk, fetchNarrow, sendToStream } from '../messages/message-fixtures';
import { CookieSession } from '../web/cookie-session';
import { multipartBody, RawAnswer, request, uploadFile } from './upload-client';

const PNG = sharp({
  create: { width: 40, height: 30, channels: 3, background: { r: 200, g: 30, b: 30 } },
})
  .png()
  .toBuffer();

interface Uploaded {
  uri: string;
  url: string;
  filename: string;
}

describe('uploaded files', () => {
  let server: TestServer;
  let alice: TestUser;
  let bob: TestUser;
  let carol: TestUser;
  let admin: TestUser;

  beforeAll(async () => {
    server = await startTestServer();
    alice = await server.createUser({ fullName: 'Alice' });
    bob = await server.createUser({ fullName: 'Bob' });
    carol = await server.createUser({ fullName: 'Carol' });
    admin = await server.createUser({ fullName: 'Ada Admin', role: Role.Administrator });
    await createStream(server, 'town square', { subscribers: [alice, bob, carol, admin] });
    await createStream(server, 'secret', {
      inviteOnly: true,
      subscribers: [alice, carol],
    });
    // A cold embedded database on a busy machine can take most of a minute to start.
  }, 120_000);
  afterAll(() => server.stop());

  async function upload(
    user: TestUser,
    name: string,
    data: Buffer | string,
    type?: string,
  ): Promise<Uploaded> {
    const res = await uploadFile(server.url, user, {
      name,
      type,
      data: Buffer.isBuffer(data) ? data : Buffer.from(data),
    });
    expect(res.status).toBe(200);
    const body = res.json();
    expect(body.result).toBe('success');
    return body as unknown as Uploaded;
  }

  const download = (url: string, user?: TestUser, headers: Record<string, string> = {}) =>
    request(server.url, 'GET', url, { credentials: user, headers });

  const pathIdOf = (url: string) => decodeURIComponent(url.slice('/user_uploads/'.length));

  it('stores a file under an unguessable URL and gives it back to the uploader', async () => {
    const up = await upload(alice, 'notes.txt', 'hello, world\n', 'text/plain');
    expect(up.url).toMatch(
      new RegExp(`^/user_uploads/${server.realm.id}/[A-Za-z0-9_-]{32}/notes\\.txt$`),
    );
    expect(up.uri).toBe(up.url);
    expect(up.filename).toBe('notes.txt');
    const onDisk = path.join(server.config.uploads.dir, pathIdOf(up.url));
    expect(fs.readFileSync(onDisk, 'utf8')).toBe('hello, world\n');
    const got = await download(up.url, alice);
    expect(got.status).toBe(200);
    expect(got.body.toString()).toBe('hello, world\n');
  });

  it('tells clients the upload limits when they register', async () => {
    const res = await server.client(alice).post('/register', { fetch_event_types: ['realm'] });
    expectOk(res);
    expect(res.body).toMatchObject({ max_file_upload_size_mib: 25, realm_upload_quota_mib: null });
  });

  it('sanitizes the file name: no path, no leading dots', async () => {
    const up = await upload(alice, '../../.secret plan.txt', 'x');
    expect(up.filename).toBe('secret-plan.txt');
    expect(up.url.endsWith('/secret-plan.txt')).toBe(true);
    const unicode = await upload(alice, 'Grüße.txt', 'hallo');
    expect(unicode.filename).toBe('Grüße.txt');
    expect(unicode.url.endsWith(`/${encodeURIComponent('Grüße.txt')}`)).toBe(true);
    expect((await download(unicode.url, alice)).body.toString()).toBe('hallo');
  });

  it('refuses a request without credentials, and hides files from users without access', async () => {
    const up = await upload(alice, 'private.txt', 'mine');
    const anonymous = await download(up.url);
    expect(anonymous.status).toBe(401);
    const noAccess = await download(up.url, bob);
    const missing = await download(
      `/user_uploads/${server.realm.id}/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/private.txt`,
      bob,
    );
    expect(noAccess.status).toBe(404);
    expect(missing.status).toBe(404);
    expect(noAccess.json()).toEqual(missing.json());
    expect(
      (await uploadFile(server.url, undefined, { name: 'a.txt', data: Buffer.from('a') })).status,
    ).toBe(401);
  });

  it('gives access through a public stream message', async () => {
    const up = await upload(alice, 'agenda.txt', 'agenda');
    expect((await download(up.url, bob)).status).toBe(404);
    await sendToStream(server.client(alice), 'town square', 'files', `[agenda](${up.url})`);
    const got = await download(up.url, bob);
    expect(got.status).toBe(200);
    expect(got.body.toString()).toBe('agenda');
  });

  it('keeps a file shared only in a private stream from non-subscribers, admins included, and from those who leave', async () => {
    const up = await upload(alice, 'plans.txt', 'plans');
    await sendToStream(server.client(alice), 'secret', 'files', `[plans](${up.url})`);
    expect((await download(up.url, carol)).status).toBe(200);
    expect((await download(up.url, bob)).status).toBe(404);
    expect((await download(up.url, admin)).status).toBe(404);
    expectOk(
      await server.client(carol).delete('/users/me/subscriptions', { subscriptions: ['secret'] }),
    );
    expect((await download(up.url, carol)).status).toBe(404);
    expect((await download(up.url, alice)).status).toBe(200);
  });

  it('lets guests see files only in the channels they are subscribed to', async () => {
    const guest = await server.createUser({ role: Role.Guest, fullName: 'Gus Guest' });
    const up = await upload(alice, 'public-ish.txt', 'for members');
    await sendToStream(server.client(alice), 'town square', 'files', `[p](${up.url})`);
    expect((await download(up.url, guest)).status).toBe(404);
    expectOk(
      await server.client(alice).post('/users/me/subscriptions', {
        subscriptions: [{ name: 'town square' }],
        principals: [guest.id],
      }),
    );
    expect((await download(up.url, guest)).status).toBe(200);
  });

  it('follows a message moved into a private channel', async () => {
    const up = await upload(alice, 'moved.txt', 'moving');
    const id = await sendToStream(server.client(alice), 'town square', 'moving', `[m](${up.url})`);
    expect((await download(up.url, bob)).status).toBe(200);
    const secret = await server.db.one<{ id: number }>(
      "SELECT id FROM streams WHERE realm_id = $1 AND name = 'secret'",
      [server.realm.id],
    );
    expectOk(await server.client(alice).patch(`/messages/${id}`, { stream_id: secret?.id ?? 0 }));
    expect((await download(up.url, bob)).status).toBe(404);
    expect((await download(up.url, alice)).status).toBe(200);
  });

  it('gives access to the recipients of a direct message only', async () => {
    const up = await upload(alice, 'for-bob.txt', 'hi bob');
    expectOk(
      await server.client(alice).post('/messages', {
        type: 'direct',
        to: [bob.id],
        content: `[file](${up.url})`,
      }),
    );
    expect((await download(up.url, bob)).status).toBe(200);
    expect((await download(up.url, carol)).status).toBe(404);
    expect((await download(up.url, admin)).status).toBe(404);
  });

  it("does not let someone else's leaked URL be shared by a user who cannot read it", async () => {
    const up = await upload(alice, 'leaked.txt', 'leak');
    await sendToStream(server.client(bob), 'town square', 'leak', `[x](${up.url})`);
    expect((await download(up.url, carol)).status).toBe(404);
  });

  it("answers 404 to another realm's user", async () => {
    const other = await server.createRealm('elsewhere');
    const stranger = await server.createUser({ realm: other });
    const up = await upload(alice, 'realm.txt', 'ours');
    await sendToStream(server.client(alice), 'town square', 'files', `[r](${up.url})`);
    const got = await request(server.url, 'GET', up.url, {
      credentials: stranger,
      host: 'elsewhere.localhost',
    });
    expect(got.status).toBe(404);
    const missing = await request(server.url, 'GET', `${up.url}x`, {
      credentials: stranger,
      host: 'elsewhere.localhost',
    });
    expect(got.json()).toEqual(missing.json());
  });

  it('serves a file to the browser session of a user who may read it', async () => {
    const browser = new CookieSession(server.url);
    const login = await browser.login(bob.email, bob.password);
    expect(login.status).toBeLessThan(400);
    const cookie = [...browser.cookies].map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('; ');
    const { body, contentType } = multipartBody({ name: 'from-web.txt', data: Buffer.from('web') });
    const posted = await request(server.url, 'POST', '/json/user_uploads', {
      body,
      headers: { 'content-type': contentType, cookie, 'x-csrftoken': browser.csrfToken },
    });
    expect(posted.status).toBe(200);
    const url = posted.json().url as string;
    const got = await request(server.url, 'GET', url, { headers: { cookie } });
    expect(got.status).toBe(200);
    expect(got.body.toString()).toBe('web');
    const withoutCsrf = await request(server.url, 'POST', '/json/user_uploads', {
      body,
      headers: { 'content-type': contentType, cookie },
    });
    expect(withoutCsrf.status).toBe(403);
  });

  it('hands API clients a short-lived URL that needs no credentials', async () => {
    const up = await upload(alice, 'signed.txt', 'signed content');
    const res = await server.client(alice).get(up.url);
    expect(res.status).toBe(200);
    const url = res.body.url as string;
    expect(url).toMatch(/^\/user_uploads\/temporary\/[^/]+\/signed\.txt$/);
    const got = await download(url);
    expect(got.status).toBe(200);
    expect(got.body.toString()).toBe('signed content');
    expect(
      (
        await download(
          url.replace(/\.[A-Za-z0-9_-]{43}\//, '.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/'),
        )
      ).status,
    ).toBe(404);
    expect((await server.client(bob).get(up.url)).status).toBe(404);
  });

  describe('safety headers', () => {
    const safety = (res: RawAnswer) => {
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['content-security-policy']).toContain('sandbox');
      expect(res.headers['content-security-policy']).toContain("default-src 'none'");
      expect(res.headers['referrer-policy']).toBe('no-referrer');
    };

    it('shows raster images inline, with ETag and range requests', async () => {
      const up = await upload(alice, 'red.png', await PNG, 'image/png');
      const got = await download(up.url, alice);
      expect(got.status).toBe(200);
      safety(got);
      expect(got.headers['content-type']).toBe('image/png');
      expect(got.headers['content-disposition']).toMatch(/^inline; filename="red.png"/);
      expect(got.headers.etag).toBeTruthy();
      const again = await download(up.url, alice, { 'if-none-match': String(got.headers.etag) });
      expect(again.status).toBe(304);
      const part = await download(up.url, alice, { range: 'bytes=0-7' });
      expect(part.status).toBe(206);
      expect(part.body.equals(got.body.subarray(0, 8))).toBe(true);
    });

    it.each([
      ['page.html', '<script>alert(1)</script>', 'text/html'],
      [
        'drawing.svg',
        '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
        'image/svg+xml',
      ],
      ['fake.txt', '<html><script>alert(1)</script></html>', 'text/html'],
      ['doc.pdf', '%PDF-1.4', 'application/pdf'],
    ])('serves %s as a download', async (name, data, claimed) => {
      const up = await upload(alice, name, data, claimed);
      const got = await download(up.url, alice);
      expect(got.status).toBe(200);
      safety(got);
      expect(got.headers['content-disposition']).toMatch(/^attachment; /);
    });

    it('never believes a client claiming an HTML file is an image', async () => {
      const up = await upload(alice, 'evil.html', '<script>alert(1)</script>', 'image/png');
      const got = await download(up.url, alice);
      expect(got.headers['content-type']).toMatch(/^text\/html/);
      expect(got.headers['content-disposition']).toMatch(/^attachment; /);
    });
  });

  describe('attachments', () => {
    it('lists the uploads with their messages and removes them on request', async () => {
      const dana = await server.createUser({ fullName: 'Dana' });
      const up = await upload(dana, 'listed.txt', '12345');
      const messageId = await sendToStream(
        server.client(dana),
        'town square',
        'files',
        `[l](${up.url})`,
      );
      const list = await server.client(dana).get('/attachments');
      expectOk(list);
      const attachments = list.body.attachments as Array<Record<string, unknown>>;
      expect(attachments).toHaveLength(1);
      expect(attachments[0]).toMatchObject({
        name: 'listed.txt',
        path_id: pathIdOf(up.url),
        size: 5,
        messages: [{ id: messageId, date_sent: expect.any(Number) }],
      });
      expect(attachments[0].create_time).toEqual(expect.any(Number));
      expect(list.body.upload_space_used).toEqual(expect.any(Number));

      expect(
        (await server.client(bob).delete(`/attachments/${String(attachments[0].id)}`)).status,
      ).toBe(400);
      expectOk(await server.client(dana).delete(`/attachments/${String(attachments[0].id)}`));
      expect((await download(up.url, dana)).status).toBe(404);
      expect(fs.existsSync(path.join(server.config.uploads.dir, pathIdOf(up.url)))).toBe(false);
      expect(
        ((await server.client(dana).get('/attachments')).body.attachments as unknown[]).length,
      ).toBe(0);
    });

    it('reports uploads an edit or a deletion leaves unreferenced, and cleans them up later', async () => {
      const up = await upload(alice, 'draft.txt', 'draft');
      const other = await upload(alice, 'kept.txt', 'kept');
      const id = await sendToStream(
        server.client(alice),
        'town square',
        'cleanup',
        `[d](${up.url}) [k](${other.url})`,
      );
      await sendToStream(server.client(alice), 'town square', 'cleanup', `[k](${other.url})`);
      const edited = await server.client(alice).patch(`/messages/${id}`, { content: 'no files' });
      expectOk(edited);
      const detached = edited.body.detached_uploads as Array<{ path_id: string }>;
      expect(detached.map((a) => a.path_id)).toEqual([pathIdOf(up.url)]);

      const third = await upload(alice, 'gone.txt', 'gone');
      const id2 = await sendToStream(
        server.client(alice),
        'town square',
        'cleanup',
        `[g](${third.url})`,
      );
      await server.updateRealm({ allow_message_deleting: true });
      const deleted = await server.client(alice).delete(`/messages/${id2}`);
      expectOk(deleted);
      expect(
        (deleted.body.detached_uploads as Array<{ path_id: string }>).map((a) => a.path_id),
      ).toEqual([pathIdOf(third.url)]);

      const service = server.app.get(UploadsService);
      const retention = server.config.uploads.unreferencedRetentionSeconds * 1000;
      expect(await service.cleanup(new Date(Date.now() + retention - 60_000))).toBe(0);
      const removedCount = await service.cleanup(new Date(Date.now() + retention + 60_000));
      expect(removedCount).toBeGreaterThanOrEqual(2);
      expect((await download(up.url, alice)).status).toBe(404);
      expect((await download(third.url, alice)).status).toBe(404);
      expect(fs.existsSync(path.join(server.config.uploads.dir, pathIdOf(up.url)))).toBe(false);
      expect((await download(other.url, alice)).status).toBe(200);
    });
  });

  describe('in messages', () => {
    it('previews uploaded images and finds them with has:image and has:attachment', async () => {
      const img = await upload(alice, 'preview.png', await PNG, 'image/png');
      const doc = await upload(alice, 'report.txt', 'report');
      const imgMsg = await sendToStream(
        server.client(alice),
        'town square',
        'has',
        `[pic](${img.url})`,
      );
      const docMsg = await sendToStream(
        server.client(alice),
        'town square',
        'has',
        `[doc](${doc.url})`,
      );
      const images = await fetchNarrow(server.client(bob), [['has', 'image']]);
      expect(images.map((m) => m.id)).toContain(imgMsg);
      expect(images.map((m) => m.id)).not.toContain(docMsg);
      const withFiles = await fetchNarrow(server.client(bob), [['has', 'attachment']]);
      expect(withFiles.map((m) => m.id)).toEqual(expect.arrayContaining([imgMsg, docMsg]));
      const shown = images.find((m) => m.id === imgMsg);
      expect(shown?.content).toContain(
        `<div class="message_inline_image"><a href="${img.url}"><img src="${img.url}"></a></div>`,
      );

      await server.updateRealm({ inline_image_preview: false });
      const plain = await sendToStream(
        server.client(alice),
        'town square',
        'has',
        `[pic](${img.url})`,
      );
      const fetched = (await fetchNarrow(server.client(bob), [['has', 'image']])).find(
        (m) => m.id === plain,
      );
      expect(fetched?.content).not.toContain('message_inline_image');
      await server.updateRealm({ inline_image_preview: true });
    });

    it('makes thumbnails of uploaded images off the request path, without EXIF', async () => {
      const withGps = await sharp(await PNG)
        .jpeg()
        .withExif({ IFD0: { Copyright: 'secret place' }, IFD3: { GPSLatitudeRef: 'N' } })
        .toBuffer();
      const up = await upload(alice, 'photo.jpg', withGps, 'image/jpeg');
      const { Thumbnailer } = await import('../../apps/server/src/uploads/thumbnailer');
      await server.app.get(Thumbnailer).drain();
      const thumb = await download(
        up.url.replace('/user_uploads/', '/user_uploads/thumbnail/') + '/300x200.webp',
        alice,
      );
      expect(thumb.status).toBe(200);
      expect(thumb.headers['content-type']).toBe('image/webp');
      const meta = await sharp(thumb.body).metadata();
      expect(meta.format).toBe('webp');
      expect(meta.exif).toBeUndefined();
      const stranger = await download(
        up.url.replace('/user_uploads/', '/user_uploads/thumbnail/') + '/300x200.webp',
        bob,
      );
      expect(stranger.status).toBe(404);
      const original = await download(up.url, alice);
      expect(original.body.equals(withGps)).toBe(true);
    });
  });
});
