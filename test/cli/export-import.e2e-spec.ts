import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { checkCatalogue } from '../../apps/server/src/realm-export/export-tables';
import { RealmExportRepository } from '../../apps/server/src/realm-export/realm-export.repository';
import { RealmExportService } from '../../apps/server/src/realm-export/realm-export.service';
import { RealmImportService } from '../../apps/server/src/realm-export/realm-import.service';
import { Role } from '../../apps/server/src/identity/user.types';
import { ok, type ApiClient, type Credentials } from '../helpers/api-client';
import { startTestServer, TestServer, TestUser } from '../helpers/test-server';
import { cliEnv, manage } from './cli-harness';

interface WireMessage {
  id: number;
  content: string;
  subject: string;
  flags: string[];
  reactions: Array<{ emoji_name: string; user_id: number }>;
  display_recipient: string | Array<{ email: string }>;
}

async function allMessages(client: ApiClient): Promise<WireMessage[]> {
  const body = ok(
    await client.get('/messages', {
      anchor: 'oldest',
      num_before: 0,
      num_after: 1000,
      apply_markdown: false,
    }),
  );
  return body.messages as WireMessage[];
}

describe('manage export-realm / import-realm', () => {
  let server: TestServer;
  let env: Record<string, string | undefined>;
  let dir: string;
  let alice: TestUser;
  let bob: TestUser;
  let bot: Credentials & { id: number };
  let plainFile: string;
  let gzFile: string;
  const uploadPathId = () => `${server.realm.id}/a1b2c3/notes.txt`;

  /**
   * The credentials `user` has on the realm at `host`. An export carries no password or API key:
   * imported users get new keys (and set a password through a reset), so the test reads the key.
   */
  async function login(host: string, user: TestUser): Promise<Credentials> {
    const row = await server.db.one<{ api_key: string }>(
      `SELECT u.api_key FROM users u JOIN realms r ON r.id = u.realm_id
        WHERE r.string_id = $1 AND lower(u.email) = lower($2)`,
      [host.replace(/\.localhost$/, ''), user.email],
    );
    return { email: user.email, apiKey: row!.api_key };
  }

  /** Every file under DATA_DIR/uploads. */
  function uploadedFiles(): string[] {
    const root = path.join(server.config.dataDir, 'uploads');
    return fs.readdirSync(root, { recursive: true, encoding: 'utf8' }).sort();
  }

  beforeAll(async () => {
    server = await startTestServer();
    env = cliEnv(server);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zh-export-'));
    plainFile = path.join(dir, 'realm.json');
    gzFile = path.join(dir, 'realm.json.gz');
    alice = await server.createUser({ fullName: 'Alice Anders', role: Role.Administrator });
    bob = await server.createUser({ fullName: 'Bob Brown' });
    const owner = server.client(server.owner);
    // Everyone here lets exports carry their private messages (security/exports covers refusal).
    for (const user of [server.owner, alice, bob]) {
      ok(await server.client(user).patch('/settings', { allow_private_data_export: true }));
    }

    const created = ok(
      await owner.post('/bots', { full_name: 'Storage Bot', short_name: 'keeper' }),
    );
    bot = {
      id: created.user_id as number,
      email: created.email as string,
      apiKey: created.api_key as string,
    };
    ok(await server.client(bot).put('/bot_storage', { storage: { greeting: 'hello', n: '42' } }));

    ok(
      await owner.post('/users/me/subscriptions', {
        subscriptions: [{ name: 'design' }],
        principals: [server.owner.id, alice.id, bob.id],
      }),
    );
    ok(
      await owner.post('/users/me/subscriptions', {
        subscriptions: [{ name: 'secret plans', description: 'see #**design**' }],
        principals: [server.owner.id, alice.id],
        invite_only: true,
      }),
    );
    const design = ok(await owner.get('/get_stream_id', { stream: 'design' }));
    ok(await owner.post('/default_streams', { stream_id: design.stream_id as number }));
    ok(
      await owner.post('/realm/filters', {
        pattern: '#(?P<id>[0-9]+)',
        url_template: 'https://tracker.example.com/ticket/{id}',
      }),
    );

    const a = server.client(alice);
    const send = async (params: Record<string, string>) =>
      ok(await a.post('/messages', params)).id as number;
    const first = await send({
      type: 'stream',
      to: 'design',
      topic: 'kickoff',
      content: 'Hello @**Bob Brown** see #12',
    });
    await send({ type: 'stream', to: 'secret plans', topic: 'plot', content: 'quietly' });
    await send({ type: 'private', to: JSON.stringify([bob.id]), content: 'a direct word' });
    ok(await server.client(bob).post(`/messages/${first}/reactions`, { emoji_name: 'octopus' }));
    ok(
      await server
        .client(bob)
        .post('/messages/flags', { messages: [first], op: 'add', flag: 'starred' }),
    );
    ok(await a.patch(`/messages/${first}`, { content: 'Hello @**Bob Brown** see #12 (edited)' }));

    // An uploaded file and the message that links it; the upload API is not built yet, so SQL.
    const fileMessage = await send({
      type: 'stream',
      to: 'design',
      topic: 'files',
      content: `[notes.txt](/user_uploads/${uploadPathId()})`,
    });
    const attachment = await server.db.one<{ id: number }>(
      `INSERT INTO attachments (realm_id, owner_id, path_id, file_name, content_type, size)
       VALUES ($1, $2, $3, 'notes.txt', 'text/plain', 11) RETURNING id`,
      [server.realm.id, alice.id, uploadPathId()],
    );
    await server.db.execute(
      'INSERT INTO message_attachments (message_id, attachment_id) VALUES ($1, $2)',
      [fileMessage, attachment!.id],
    );
    const onDisk = path.join(server.config.dataDir, 'uploads', uploadPathId());
    fs.mkdirSync(path.dirname(onDisk), { recursive: true });
    fs.writeFileSync(onDisk, 'hello notes');
    await server.db.execute('INSERT INTO alert_words (user_id, word) VALUES ($1, $2)', [
      bob.id,
      'deploy',
    ]);
  });
  afterAll(async () => {
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('describes every table and foreign key of the current schema', async () => {
    const repo = server.app.get(RealmExportRepository);
    expect(checkCatalogue(await repo.tableNames(), await repo.foreignKeys())).toEqual([]);
  });

  it('exports a realm to one JSON document, plain or gzipped, with counts per table', async () => {
    const plain = await manage(env, 'export-realm', '--output', plainFile, '--json');
    expect(plain.stderr).toBe('');
    expect(plain.code).toBe(0);
    const result = JSON.parse(plain.stdout);
    expect(result.counts).toMatchObject({
      realms: 1,
      users: 4,
      bot_storage: 2,
      streams: 3,
      default_streams: 2,
      realm_filters: 1,
      messages: 4,
      reactions: 1,
      message_edits: 1,
      attachments: 1,
      message_attachments: 1,
      alert_words: 1,
      direct_message_groups: 1,
    });
    expect(result.uploads).toBe(1);

    const document = JSON.parse(fs.readFileSync(plainFile, 'utf8'));
    expect(document).toMatchObject({ format: 'zulip-hub-realm-export', version: 1 });
    const usersHeader = document.sections.findIndex((s: { table?: string }) => s.table === 'users');
    const columns: string[] = document.sections[usersHeader].columns;
    expect(columns).toEqual(expect.arrayContaining(['password_hash', 'api_key']));
    expect(document.sections.at(-1)).toMatchObject({ end: true, counts: result.counts });

    const human = await manage(env, 'export-realm', '--output', gzFile);
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(/^Exported realm "Test Org" \(root domain\) to .*realm\.json\.gz/);
    expect(human.stdout).toMatch(/^ {2}messages\s+4$/m);
    const unzipped = JSON.parse(zlib.gunzipSync(fs.readFileSync(gzFile)).toString('utf8'));
    expect(unzipped.sections.at(-1).counts).toEqual(result.counts);
  });

  it('imports into a new subdomain where everyone logs in and finds their data', async () => {
    const imported = await manage(
      env,
      'import-realm',
      '--input',
      plainFile,
      '--subdomain',
      'newsub',
      '--name',
      'New Org',
      '--json',
    );
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    const result = JSON.parse(imported.stdout);
    expect(result.realm).toMatchObject({ subdomain: 'newsub', name: 'New Org' });
    expect(result.counts).toMatchObject({ users: 4, messages: 4, subscriptions: 8 });
    // The export carries no keys: each imported user got a fresh one, which nobody else holds.
    expect(result.api_keys_regenerated).toBe(0);
    const host = 'newsub.localhost';

    const settings = ok(await server.client(undefined, host).get('/server_settings'));
    expect(settings.realm_name).toBe('New Org');

    const newAlice = server.client(await login(host, alice), host);
    const newBob = server.client(await login(host, bob), host);
    const newOwner = server.client(await login(host, server.owner), host);
    const me = ok(await newAlice.get('/users/me'));
    expect(me).toMatchObject({ email: alice.email, full_name: 'Alice Anders', is_admin: true });
    expect(me.user_id).not.toBe(alice.id);
    // The old realm is untouched and the old key does not open the new one.
    expect((await server.client(alice, host).get('/users/me')).status).toBe(401);
    ok(await server.client(alice).get('/users/me'));

    const bots = ok(await newOwner.get('/bots')).bots as Array<{
      email: string;
      api_key: string;
      owner_id: number;
    }>;
    expect(bots).toHaveLength(1);
    expect(bots[0].owner_id).toBe(ok(await newOwner.get('/users/me')).user_id);
    const newBot = server.client({ email: bots[0].email, apiKey: bots[0].api_key }, host);
    expect(ok(await newBot.get('/bot_storage')).storage).toEqual({ greeting: 'hello', n: '42' });

    const aliceStreams = (
      ok(await newAlice.get('/users/me/subscriptions')).subscriptions as Array<{
        name: string;
        invite_only: boolean;
        stream_id: number;
      }>
    ).map((s) => [s.name, s.invite_only]);
    expect(aliceStreams).toEqual(
      expect.arrayContaining([
        ['design', false],
        ['secret plans', true],
      ]),
    );
    const bobStreams = ok(await newBob.get('/streams')).streams as Array<{ name: string }>;
    expect(bobStreams.map((s) => s.name)).not.toContain('secret plans');
    const secretId = ok(await newAlice.get('/get_stream_id', { stream: 'secret plans' }))
      .stream_id as number;
    const members = ok(await newAlice.get(`/streams/${secretId}/members`)).subscribers;
    expect(members).toHaveLength(2);
    expect(members).not.toContain(bob.id);

    const defaults = ok(await newOwner.get('/default_streams')).default_streams as Array<{
      name: string;
    }>;
    expect(defaults.map((s) => s.name).sort()).toEqual(['design', 'general']);

    const rendered = ok(await newAlice.post('/messages/render', { content: 'fixes #77' }));
    expect(rendered.rendered).toContain('https://tracker.example.com/ticket/77');

    const aliceMessages = await allMessages(newAlice);
    expect(aliceMessages).toHaveLength((await allMessages(server.client(alice))).length);
    const kickoff = aliceMessages.find((m) => m.subject === 'kickoff')!;
    expect(kickoff.content).toBe('Hello @**Bob Brown** see #12 (edited)');
    expect(kickoff.reactions.map((r) => r.emoji_name)).toEqual(['octopus']);
    const bobView = await allMessages(newBob);
    expect(bobView).toHaveLength(3);
    expect(bobView.find((m) => m.id === kickoff.id)?.flags).toContain('starred');
    const history = ok(await newAlice.get(`/messages/${kickoff.id}/history`))
      .message_history as unknown[];
    expect(history).toHaveLength(2);
    const search = ok(
      await newAlice.get('/messages', {
        anchor: 'newest',
        num_before: 10,
        num_after: 0,
        narrow: [{ operator: 'search', operand: 'quietly' }],
      }),
    ).messages as WireMessage[];
    expect(search.map((m) => m.subject)).toEqual(['plot']);

    // The mention in the rendered HTML names Bob's new id.
    const html = ok(await newAlice.get(`/messages/${kickoff.id}`, { apply_markdown: true }))
      .message as { content: string };
    const newBobId = ok(await newBob.get('/users/me')).user_id as number;
    expect(html.content).toContain(`data-user-id="${newBobId}"`);

    // The upload was copied under the new realm's id and the message links the new path.
    const newRealmId = result.realm.id as number;
    const newPath = `${newRealmId}/a1b2c3/notes.txt`;
    const files = aliceMessages.find((m) => m.subject === 'files')!;
    expect(files.content).toBe(`[notes.txt](/user_uploads/${newPath})`);
    expect(fs.readFileSync(path.join(server.config.dataDir, 'uploads', newPath), 'utf8')).toBe(
      'hello notes',
    );
  });

  it('imports the gzipped export too, issuing new API keys', async () => {
    const tmp = await server.createRealm('tmp', 'Temporary');
    const carol = await server.createUser({ realm: tmp, email: 'carol@example.com' });
    const file = path.join(dir, 'tmp.json.gz');
    expect((await manage(env, 'export-realm', '--realm', 'tmp', '--output', file)).code).toBe(0);
    await server.db.execute('DELETE FROM realms WHERE id = $1', [tmp.id]);

    const imported = await manage(env, 'import-realm', '--input', file, '--subdomain', 'moved');
    expect(imported.code).toBe(0);
    expect(imported.stdout).toMatch(/^Imported realm "Temporary" \(id \d+\) at subdomain "moved"/);
    expect(imported.stdout).toMatch(/API keys regenerated \(already in use on this server\): 0/);
    expect((await server.client(carol, 'moved.localhost').get('/users/me')).status).toBe(401);
    const moved = server.client(await login('moved.localhost', carol), 'moved.localhost');
    const me = ok(await moved.get('/users/me'));
    expect(me.email).toBe('carol@example.com');

    const again = await manage(env, 'import-realm', '--input', gzFile, '--subdomain', 'gzsub');
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^ {2}messages\s+4$/m);
    const gzAlice = server.client(await login('gzsub.localhost', alice), 'gzsub.localhost');
    expect(await allMessages(gzAlice)).toHaveLength(4);
  });

  it('refuses an existing subdomain and damaged files, creating nothing', async () => {
    const realmsBefore = await server.db.rows('SELECT id FROM realms');
    const uploadsBefore = uploadedFiles();
    const usersBefore = await server.db.rows('SELECT id FROM users');

    const taken = await manage(env, 'import-realm', '--input', plainFile, '--subdomain', 'newsub');
    expect(taken.code).toBe(1);
    expect(taken.stderr).toBe(
      'Error: Subdomain "newsub" is already in use; import into a new subdomain\n',
    );

    const text = fs.readFileSync(plainFile, 'utf8');
    const cut = path.join(dir, 'cut.json');
    fs.writeFileSync(cut, text.slice(0, Math.floor(text.length * 0.7)));
    const truncated = await manage(env, 'import-realm', '--input', cut, '--subdomain', 'cut');
    expect(truncated.code).toBe(1);
    expect(truncated.stderr).toMatch(
      /^Error: (The export is truncated|Line \d+ is not valid JSON)/,
    );
    expect(truncated.stderr.trim().split('\n')).toHaveLength(1);

    const lines = text.split('\n');
    // A row nothing refers to, so only the trailer's counts can notice it is gone.
    const storageRow = lines.findIndex((l) => l.includes('"greeting"'));
    const dropped = path.join(dir, 'dropped.json');
    fs.writeFileSync(dropped, lines.filter((_, i) => i !== storageRow).join('\n'));
    const spliced = await manage(env, 'import-realm', '--input', dropped, '--subdomain', 'drop');
    expect(spliced.code).toBe(1);
    expect(spliced.stderr).toMatch(/announces 2 bot_storage rows but holds 1/);

    const garbage = path.join(dir, 'garbage.json');
    fs.writeFileSync(garbage, '{"hello": "world"}\n');
    const notExport = await manage(env, 'import-realm', '--input', garbage, '--subdomain', 'g');
    expect(notExport.stderr).toBe('Error: This is not a realm export written by export-realm\n');

    const badGzip = path.join(dir, 'bad.json.gz');
    fs.writeFileSync(badGzip, Buffer.concat([zlib.gzipSync(text).subarray(0, 200)]));
    const gz = await manage(env, 'import-realm', '--input', badGzip, '--subdomain', 'badgz');
    expect(gz.code).toBe(1);
    expect(gz.stderr).toMatch(
      /^Error: (Cannot read .*bad\.json\.gz: unexpected end of file|The export is truncated)/,
    );

    const badName = await manage(
      env,
      'import-realm',
      '--input',
      plainFile,
      '--subdomain',
      'Bad_Sub',
    );
    expect(badName.stderr).toBe(
      'Error: Subdomains may use only letters, digits and inner hyphens.\n',
    );

    const missing = await manage(
      env,
      'import-realm',
      '--input',
      path.join(dir, 'nope.json'),
      '--subdomain',
      'n',
    );
    expect(missing.stderr).toMatch(/^Error: Cannot read .*nope\.json: ENOENT/);

    const newer = path.join(dir, 'newer.json');
    fs.writeFileSync(newer, text.replace('"version":1', '"version":99'));
    const future = await manage(env, 'import-realm', '--input', newer, '--subdomain', 'future');
    expect(future.stderr).toMatch(/format version 99; this server reads up to version 1/);

    expect(await server.db.rows('SELECT id FROM realms')).toEqual(realmsBefore);
    expect(await server.db.rows('SELECT id FROM users')).toEqual(usersBefore);
    expect(uploadedFiles()).toEqual(uploadsBefore);
  });

  it('pages through thousands of rows and imports them in multi-row batches', async () => {
    const bulk = await server.createRealm('bulk', 'Bulk');
    const u1 = await server.createUser({ realm: bulk });
    const u2 = await server.createUser({ realm: bulk });
    const general = await server.db.one<{ id: number }>(
      "SELECT id FROM streams WHERE realm_id = $1 AND name = 'general'",
      [bulk.id],
    );
    await server.db.execute(
      `INSERT INTO messages (realm_id, sender_id, stream_id, topic, content, rendered_content,
         search_tsvector)
       SELECT $1, $2, $3, 'bulk ' || (g % 10), 'message number ' || g, '<p>message ' || g || '</p>',
         to_tsvector('english', 'bulk message number ' || g)
         FROM generate_series(1, 2500) g`,
      [bulk.id, u1.id, general!.id],
    );
    await server.db.execute(
      `INSERT INTO user_messages (user_id, message_id, flags)
       SELECT u.id, m.id, m.id % 4 FROM messages m CROSS JOIN (VALUES ($2::int), ($3::int)) u(id)
        WHERE m.realm_id = $1`,
      [bulk.id, u1.id, u2.id],
    );
    const file = path.join(dir, 'bulk.json.gz');
    const exported = await server.app.get(RealmExportService).exportRealm(bulk, file);
    expect(exported.counts).toMatchObject({ messages: 2500, user_messages: 5000 });

    const { result, queries } = await server.db.counter.measure(() =>
      server.app.get(RealmImportService).importRealm(file, 'bulkcopy'),
    );
    expect(result.counts).toMatchObject({ messages: 2500, user_messages: 5000 });
    // 7,500+ rows: a bounded number of statements, not one per row.
    expect(queries).toBeLessThan(120);

    const summary = async (realmId: number) =>
      server.db.one<{ rows: number; flags: number; found: number }>(
        `SELECT count(*)::int AS rows, sum(um.flags)::int AS flags,
                count(*) FILTER (WHERE m.search_tsvector @@ plainto_tsquery('english', 'number'))::int
                  AS found
           FROM user_messages um JOIN messages m ON m.id = um.message_id
          WHERE m.realm_id = $1`,
        [realmId],
      );
    expect(await summary(result.realm.id)).toEqual(await summary(bulk.id));
    expect((await summary(result.realm.id))?.found).toBe(5000);
  });

  it('refuses an unknown realm and an unwritable output with one clear line', async () => {
    const unknown = await manage(env, 'export-realm', '--realm', 'nowhere', '--output', plainFile);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/There is no realm with subdomain "nowhere"/);
    const bad = await manage(env, 'export-realm', '--output', path.join(dir, 'no/such/dir.json'));
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^Error: Cannot write .*dir\.json/);
  });
});
