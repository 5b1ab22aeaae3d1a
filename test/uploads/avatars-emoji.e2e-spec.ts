import sharp from 'sharp';
import { Role } from '../../apps/server/src/identity/user.types';
import { eventually, QueueReader } from '../events/event-fixtures';
import { startTestServer, TestServer, TestUser } from '../helpers/test-server';
import { expectOk } from '../messages/message-fixtures';
import { request, uploadFile } from './upload-client';

const image = (width: number, height: number, format: 'png' | 'jpeg' = 'png') =>
  sharp({ create: { width, height, channels: 3, background: { r: 10, g: 120, b: 200 } } })
    .toFormat(format)
    .toBuffer();

describe('avatars and custom emoji', () => {
  let server: TestServer;
  let alice: TestUser;
  let bob: TestUser;
  let guest: TestUser;
  let admin: TestUser;

  beforeAll(async () => {
    server = await startTestServer({ env: { EMOJI_MAX_BYTES: '200000' } });
    alice = await server.createUser({ fullName: 'Alice' });
    bob = await server.createUser({ fullName: 'Bob' });
    guest = await server.createUser({ fullName: 'Gus', role: Role.Guest });
    admin = await server.createUser({ fullName: 'Ada', role: Role.Administrator });
  });
  afterAll(() => server.stop());

  describe('avatars', () => {
    it('turns an uploaded image into 100 and 500 px squares that everyone sees', async () => {
      const queue = await QueueReader.register(server, bob, { event_types: ['realm_user'] });
      const photo = await sharp(await image(800, 600, 'jpeg'))
        .withExif({ IFD0: { Copyright: 'home address' } })
        .toBuffer();
      const res = await uploadFile(
        server.url,
        alice,
        { name: 'me.jpg', type: 'image/jpeg', data: photo },
        { path: '/api/v1/users/me/avatar' },
      );
      expect(res.status).toBe(200);
      const avatarUrl = res.json().avatar_url as string;
      expect(avatarUrl).toMatch(
        new RegExp(`^/user_avatars/${server.realm.id}/${alice.id}-\\d+\\.png$`),
      );

      const small = await request(server.url, 'GET', avatarUrl);
      expect(small.status).toBe(200);
      expect(small.headers['content-type']).toBe('image/png');
      expect(small.headers['x-content-type-options']).toBe('nosniff');
      const meta = await sharp(small.body).metadata();
      expect([meta.width, meta.height]).toEqual([100, 100]);
      expect(meta.exif).toBeUndefined();
      const medium = await request(server.url, 'GET', avatarUrl.replace('.png', '-medium.png'));
      const mediumMeta = await sharp(medium.body).metadata();
      expect([mediumMeta.width, mediumMeta.height]).toEqual([500, 500]);

      const seen = await server.client(bob).get(`/users/${alice.id}`);
      expect((seen.body.user as { avatar_url: string }).avatar_url).toBe(avatarUrl);
      const events = await eventually(async () => {
        const got = await queue.drain();
        expect(got.length).toBeGreaterThan(0);
        return got;
      });
      expect(events[0]).toMatchObject({
        type: 'realm_user',
        op: 'update',
        person: { user_id: alice.id, avatar_url: avatarUrl, avatar_source: 'U' },
      });

      // Messages carry it too, even for clients that compute Gravatar URLs themselves.
      const sent = await server.client(alice).post('/messages', {
        type: 'direct',
        to: [bob.id],
        content: 'look at my new avatar',
      });
      expectOk(sent);
      const fetched = await server.client(bob).get(`/messages/${sent.body.id as number}`);
      expect((fetched.body.message as { avatar_url: string }).avatar_url).toBe(avatarUrl);
    });

    it('goes back to Gravatar when the avatar is deleted', async () => {
      const before = (await server.client(alice).get('/users/me')).body.avatar_url as string;
      const res = await server.client(alice).delete('/users/me/avatar');
      expectOk(res);
      expect(res.body.avatar_url).toMatch(/^https:\/\/secure\.gravatar\.com\/avatar\//);
      expect((await request(server.url, 'GET', before)).status).toBe(404);
      const me = await server.client(alice).get('/users/me');
      expect(me.body.avatar_url).toBe(res.body.avatar_url);
    });

    it('refuses something that is not an image', async () => {
      const res = await uploadFile(
        server.url,
        bob,
        { name: 'me.png', type: 'image/png', data: Buffer.from('<svg onload=alert(1)>') },
        { path: '/api/v1/users/me/avatar' },
      );
      expect(res.status).toBe(400);
      expect(res.json()).toMatchObject({ code: 'BAD_IMAGE' });
    });
  });

  describe('custom emoji', () => {
    const addEmoji = async (user: TestUser, name: string, data: Buffer) =>
      uploadFile(
        server.url,
        user,
        { name: `${name}.png`, type: 'image/png', data },
        { path: `/api/v1/realm/emoji/${name}` },
      );

    it('adds an emoji, resized, that the realm hears about and can react with', async () => {
      const queue = await QueueReader.register(server, bob, { event_types: ['realm_emoji'] });
      const res = await addEmoji(alice, 'party_parrot', await image(300, 200));
      expect(res.status).toBe(200);
      const list = await server.client(bob).get('/realm/emoji');
      const emoji = Object.values(
        list.body.emoji as Record<string, { name: string; source_url: string; author_id: number }>,
      ).find((e) => e.name === 'party_parrot');
      expect(emoji).toMatchObject({ author_id: alice.id, deactivated: false });
      const file = await request(server.url, 'GET', emoji?.source_url ?? '');
      expect(file.status).toBe(200);
      const meta = await sharp(file.body).metadata();
      expect(Math.max(meta.width ?? 0, meta.height ?? 0)).toBe(64);
      const [event] = await eventually(async () => {
        const got = await queue.drain();
        expect(got).toHaveLength(1);
        return got;
      });
      expect(event).toMatchObject({ type: 'realm_emoji', op: 'update' });
      expect(
        Object.values(event.realm_emoji as object).map((e: { name: string }) => e.name),
      ).toContain('party_parrot');
    });

    it("enforces Zulip's name rules, uniqueness, size limits and who may add", async () => {
      const png = await image(32, 32);
      expect((await addEmoji(alice, 'Bad', png)).json().msg).toBe(
        'Invalid characters in emoji name',
      );
      expect((await addEmoji(alice, 'trailing_', png)).json().msg).toBe(
        'Emoji names must end with either a letter or digit.',
      );
      expect((await addEmoji(alice, 'taken', png)).status).toBe(200);
      expect((await addEmoji(bob, 'taken', png)).json().msg).toBe(
        'A custom emoji with this name already exists.',
      );
      expect((await addEmoji(guest, 'guest_emoji', png)).status).toBe(400);
      const big = await sharp({
        create: {
          width: 1000,
          height: 1000,
          channels: 3,
          background: { r: 0, g: 0, b: 0 },
          noise: { type: 'gaussian', mean: 128, sigma: 60 },
        },
      })
        .png()
        .toBuffer();
      expect(big.length).toBeGreaterThan(200000);
      expect((await addEmoji(alice, 'too_big', big)).status).toBe(413);
      const wide = await image(5000, 10);
      expect((await addEmoji(alice, 'too_wide', wide)).json()).toMatchObject({ code: 'BAD_IMAGE' });
      expect((await addEmoji(alice, 'not_image', Buffer.from('hello'))).json()).toMatchObject({
        code: 'BAD_IMAGE',
      });
    });

    it('shows an emoji in messages from its upload until its deactivation', async () => {
      const render = async () =>
        String(
          (await server.client(bob).post('/messages/render', { content: 'hi :wave_hi:' })).body
            .rendered,
        );
      // Rendered once before the upload, so a cached list of the realm's emoji must follow it.
      expect(await render()).toBe('<p>hi :wave_hi:</p>');
      expect((await addEmoji(bob, 'wave_hi', await image(20, 20))).status).toBe(200);
      expect(await render()).toMatch(
        /^<p>hi <img alt=":wave_hi:" class="emoji" src="[^"]+" title="wave hi"><\/p>$/,
      );
      expectOk(await server.client(bob).delete('/realm/emoji/wave_hi'));
      expect(await render()).toBe('<p>hi :wave_hi:</p>');
    });

    it('lets the author or an administrator deactivate an emoji, nobody else', async () => {
      expect((await addEmoji(bob, 'bobs_emoji', await image(20, 20))).status).toBe(200);
      const refused = await server.client(alice).delete('/realm/emoji/bobs_emoji');
      expect(refused.status).toBe(400);
      expectOk(await server.client(admin).delete('/realm/emoji/bobs_emoji'));
      const list = await server.client(bob).get('/realm/emoji');
      const emoji = Object.values(
        list.body.emoji as Record<string, { name: string; deactivated: boolean }>,
      ).find((e) => e.name === 'bobs_emoji');
      expect(emoji?.deactivated).toBe(true);
      expect((await server.client(admin).delete('/realm/emoji/bobs_emoji')).body.msg).toBe(
        "Emoji 'bobs_emoji' does not exist",
      );
      // The name is free again.
      expect((await addEmoji(bob, 'bobs_emoji', await image(20, 20))).status).toBe(200);
    });
  });
});
