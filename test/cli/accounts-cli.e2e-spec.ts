import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startTestServer, TestServer } from '../helpers/test-server';
import { cliEnv, manage } from './cli-harness';

describe('manage: accounts, bots, permissions, default streams, linkifiers', () => {
  let server: TestServer;
  let env: Record<string, string | undefined>;
  beforeAll(async () => {
    server = await startTestServer();
    env = cliEnv(server);
  });
  afterAll(() => server.stop());

  it('knight grants and revokes api_super_user and administer', async () => {
    const member = await server.createUser();
    const granted = await manage(
      env,
      'knight',
      member.email,
      '--permission',
      'api_super_user',
      '--json',
    );
    expect(granted.code).toBe(0);
    expect(JSON.parse(granted.stdout)).toMatchObject({ granted: true, is_api_super_user: true });
    expect((await server.app.get(UsersRepo).findById(member.id))?.is_api_super_user).toBe(true);

    const admin = await manage(env, 'knight', member.email, '--permission', 'administer');
    expect(admin.stdout).toBe(`Granted administer to ${member.email}`);
    const me = await server.client(member).get('/users/me');
    expect(me.body).toMatchObject({ is_admin: true });

    const revoked = await manage(
      env,
      'knight',
      member.email,
      '--permission',
      'administer',
      '--revoke',
      '--json',
    );
    expect(JSON.parse(revoked.stdout)).toMatchObject({ granted: false });
    expect((await server.client(member).get('/users/me')).body).toMatchObject({ is_admin: false });

    const bad = await manage(env, 'knight', member.email, '--permission', 'god');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/--permission must be administer or api_super_user/);
  });

  it('create-bot prints a working .zuliprc, or writes it to a file', async () => {
    const printed = await manage(
      env,
      'create-bot',
      '--owner',
      server.owner.email,
      '--full-name',
      'Deploy Bot',
      '--short-name',
      'deploy',
    );
    expect(printed.code).toBe(0);
    const email = /email=(.+)/.exec(printed.stdout)![1];
    const key = /key=(.+)/.exec(printed.stdout)![1];
    expect(email).toBe('deploy-bot@localhost');
    const asBot = await server.client({ email, apiKey: key }).get('/users/me');
    expect(asBot.body).toMatchObject({ is_bot: true, email });

    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'zh-bot-')), 'bot.zuliprc');
    const written = await manage(
      env,
      'create-bot',
      '--owner',
      server.owner.email,
      '--full-name',
      'Hook Bot',
      '--short-name',
      'hook',
      '--type',
      'incoming-webhook',
      '--output',
      file,
    );
    expect(written.code).toBe(0);
    expect(fs.readFileSync(file, 'utf8')).toMatch(
      /^\[api\]\nemail=hook-bot@localhost\nkey=\w{32}\nsite=http:\/\/localhost\n/,
    );
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);

    const badType = await manage(
      env,
      'create-bot',
      '--owner',
      server.owner.email,
      '--full-name',
      'X',
      '--short-name',
      'x',
      '--type',
      'robot',
    );
    expect(badType.code).toBe(1);
  });

  it('rotate-api-key, deactivate-user and reactivate-user act on the account at once', async () => {
    const user = await server.createUser();
    const rotated = await manage(env, 'rotate-api-key', user.email, '--json');
    const newKey = JSON.parse(rotated.stdout).api_key as string;
    expect(newKey).not.toBe(user.apiKey);
    expect((await server.client(user).get('/users/me')).status).toBe(401);
    const fresh = { email: user.email, apiKey: newKey };
    expect((await server.client(fresh).get('/users/me')).status).toBe(200);

    expect((await manage(env, 'deactivate-user', user.email)).code).toBe(0);
    const denied = await server.client(fresh).get('/users/me');
    expect(denied).toMatchObject({ status: 401, body: { code: 'USER_DEACTIVATED' } });
    const again = await manage(env, 'deactivate-user', user.email);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already deactivated/);

    expect((await manage(env, 'reactivate-user', user.email)).code).toBe(0);
    expect((await server.client(fresh).get('/users/me')).status).toBe(200);
  });

  it('change-user-email changes the login, refusing an address in use', async () => {
    const user = await server.createUser();
    const changed = await manage(env, 'change-user-email', user.email, 'renamed@example.com');
    expect(changed.code).toBe(0);
    const login = await server
      .client()
      .post('/fetch_api_key', { username: 'renamed@example.com', password: user.password });
    expect(login.status).toBe(200);
    const taken = await manage(env, 'change-user-email', 'renamed@example.com', server.owner.email);
    expect(taken.code).toBe(1);
    expect(taken.stderr).toMatch(/already in use/);
    const missing = await manage(env, 'change-user-email', 'nobody@example.com', 'x@example.com');
    expect(missing.code).toBe(1);
  });

  it('set-default-streams decides what new users are subscribed to', async () => {
    await server.client(server.owner).post('/users/me/subscriptions', {
      subscriptions: [{ name: 'announce' }, { name: 'random' }],
    });
    const set = await manage(env, 'set-default-streams', '--streams', 'announce,random', '--json');
    expect(set.code).toBe(0);
    expect(
      JSON.parse(set.stdout)
        .map((s: { name: string }) => s.name)
        .sort(),
    ).toEqual(['announce', 'random']);
    const newcomer = await server.createUser();
    const subs = await server.client(newcomer).get('/users/me/subscriptions');
    expect((subs.body.subscriptions as Array<{ name: string }>).map((s) => s.name).sort()).toEqual([
      'announce',
      'random',
    ]);
    const unknown = await manage(env, 'set-default-streams', '--streams', 'no-such-stream');
    expect(unknown.code).toBe(1);
  });

  it('realm-filters lists, adds and removes linkifiers, refusing unsafe patterns', async () => {
    const added = await manage(
      env,
      'realm-filters',
      '--add',
      'T(?P<id>[0-9]+)',
      'https://tracker.example.com/T{id}',
      '--json',
    );
    expect(added.code).toBe(0);
    const id = JSON.parse(added.stdout).id as number;
    const listed = await manage(env, 'realm-filters', '--list');
    expect(listed.stdout).toBe(`${id}\tT(?P<id>[0-9]+)\thttps://tracker.example.com/T{id}`);
    const api = await server.client(server.owner).get('/realm/linkifiers');
    expect(api.body.linkifiers).toEqual([
      { id, pattern: 'T(?P<id>[0-9]+)', url_template: 'https://tracker.example.com/T{id}' },
    ]);
    const unsafe = await manage(
      env,
      'realm-filters',
      '--add',
      '(a+)+$',
      'https://x.example.com/{id}',
    );
    expect(unsafe.code).toBe(1);
    expect((await manage(env, 'realm-filters', '--remove', String(id))).code).toBe(0);
    expect((await manage(env, 'realm-filters')).stdout).toBe('No linkifiers.');
  });
});

// Imported late to keep the test's intent at the top.
import { UsersRepository as UsersRepo } from '../../apps/server/src/identity/users.repository';
