import { startTestServer, TestServer } from '../helpers/test-server';
import { cliEnv, manage } from './cli-harness';

describe('manage: realms, users, database', () => {
  let server: TestServer;
  let env: Record<string, string | undefined>;
  beforeAll(async () => {
    server = await startTestServer();
    env = cliEnv(server);
  });
  afterAll(() => server.stop());

  it('prints help listing the commands, and help per command', async () => {
    const all = await manage(env, '--help');
    expect(all.code).toBe(0);
    for (const command of [
      'create-realm',
      'create-user',
      'list-users',
      'list-realms',
      'migrate',
      'dbshell',
      'shell',
    ]) {
      expect(all.stdout).toContain(command);
    }
    const perCommand = await manage(env, 'create-user', '--help');
    expect(perCommand.code).toBe(0);
    expect(perCommand.stdout).toMatch(
      /--email <email>[\s\S]*--full-name <name>[\s\S]*--password[\s\S]*--role[\s\S]*--realm/,
    );
  });

  it('creates a realm and lists it, as text and as JSON', async () => {
    const created = await manage(
      env,
      'create-realm',
      '--subdomain',
      'acme',
      '--name',
      'Acme Corp',
      '--json',
    );
    expect(created.code).toBe(0);
    expect(JSON.parse(created.stdout)).toMatchObject({ subdomain: 'acme', name: 'Acme Corp' });
    const dup = await manage(env, 'create-realm', '--subdomain', 'acme', '--name', 'Again');
    expect(dup.code).toBe(1);
    expect(dup.stderr).toMatch(/already in use/);
    const listed = await manage(env, 'list-realms', '--json');
    expect(JSON.parse(listed.stdout).map((r: { subdomain: string }) => r.subdomain)).toEqual([
      '',
      'acme',
    ]);
    const text = await manage(env, 'list-realms');
    expect(text.stdout).toMatch(/acme\tAcme Corp/);
  });

  it('creates users with the fixed flags, in the default realm or --realm', async () => {
    const made = await manage(
      env,
      'create-user',
      '--email',
      'cli-admin@example.com',
      '--full-name',
      'Cli Admin',
      '--password',
      'a perfectly reasonable passphrase 7',
      '--role',
      'admin',
      '--json',
    );
    expect(made.code).toBe(0);
    const user = JSON.parse(made.stdout);
    expect(user).toMatchObject({ email: 'cli-admin@example.com', role: 'admin' });
    // The account works: the password logs in through the API.
    const login = await server.client().post('/fetch_api_key', {
      username: 'cli-admin@example.com',
      password: 'a perfectly reasonable passphrase 7',
    });
    expect(login.body.api_key).toBe(user.api_key);

    const inAcme = await manage(
      env,
      'create-user',
      '--email',
      'x@acme.test',
      '--full-name',
      'X',
      '--realm',
      'acme',
    );
    expect(inAcme.code).toBe(0);
    const acmeUsers = await manage(env, 'list-users', '--realm', 'acme', '--json');
    expect(JSON.parse(acmeUsers.stdout).map((u: { email: string }) => u.email)).toEqual([
      'x@acme.test',
    ]);
  });

  it('refuses bad input with one clear line and a non-zero exit', async () => {
    const badRole = await manage(
      env,
      'create-user',
      '--email',
      'r@example.com',
      '--full-name',
      'R',
      '--role',
      'boss',
    );
    expect(badRole.code).toBe(1);
    expect(badRole.stderr).toBe(
      'Error: --role must be owner, admin, moderator, member or guest, not "boss"\n',
    );
    const weak = await manage(
      env,
      'create-user',
      '--email',
      'w@example.com',
      '--full-name',
      'W',
      '--password',
      'password',
    );
    expect(weak.code).toBe(1);
    expect(weak.stderr).toMatch(/^Error: The password is too (weak|short)/);
    const noRealm = await manage(env, 'list-users', '--realm', 'nope');
    expect(noRealm.code).toBe(1);
    expect(noRealm.stderr).toMatch(/no realm with subdomain "nope"/);
    const missingFlag = await manage(env, 'create-user', '--email', 'm@example.com');
    expect(missingFlag.code).not.toBe(0);
  });

  it('reports migrations and runs SQL through dbshell and shell', async () => {
    const migrations = await manage(env, 'migrate', '--json');
    expect(migrations.code).toBe(0);
    expect(JSON.parse(migrations.stdout).all).toContain('InitialSchema1764000000000');
    const sql = await manage(env, 'shell', '--sql', 'SELECT count(*)::int AS n FROM realms');
    expect(JSON.parse(sql.stdout)).toEqual([{ n: 2 }]);
    const psql = await manage(env, 'dbshell', '--command', 'SELECT 40 + 2');
    if (psql.code === 1 && /Could not run psql/.test(psql.stderr)) return; // no PostgreSQL client on this machine
    expect(psql.stdout.trim()).toBe('42');
  });

  it('checks for pending migrations, reverts the newest and applies it again', async () => {
    const current = await manage(env, 'migrate', '--check');
    expect(current.code).toBe(0);
    expect(current.stdout).toMatch(/the schema is current/);

    const reverted = await manage(env, 'migrate', '--revert', '1', '--json');
    expect(reverted.code).toBe(0);
    const [newest] = JSON.parse(reverted.stdout).reverted as string[];
    expect(newest).toMatch(/^[A-Za-z]+\d{13}$/);

    const behind = await manage(env, 'migrate', '--check', '--json');
    expect(behind.code).toBe(1);
    expect(JSON.parse(behind.stdout).pending).toEqual([newest]);
    expect(behind.stderr).toMatch(/1 migrations are pending/);

    expect((await manage(env, 'migrate')).code).toBe(0);
    expect((await manage(env, 'migrate', '--check')).code).toBe(0);

    // --revert-to: what a rollback to an older release (newest migration NAME) runs.
    const all = JSON.parse((await manage(env, 'migrate', '--json')).stdout).all as string[];
    const to = await manage(env, 'migrate', '--revert-to', all[all.length - 2], '--json');
    expect(to.code).toBe(0);
    expect(JSON.parse(to.stdout).reverted).toEqual([newest]);
    const none = await manage(env, 'migrate', '--revert-to', all[all.length - 2], '--json');
    expect(JSON.parse(none.stdout).reverted).toEqual([]);
    const unknown = await manage(env, 'migrate', '--revert-to', 'NoSuchMigration1');
    expect(unknown.stderr).toMatch(/NoSuchMigration1 is not an applied migration/);
    const again = await manage(env, 'migrate', '--json');
    expect(JSON.parse(again.stdout).applied_now).toEqual([newest]);

    const tooMany = await manage(env, 'migrate', '--revert', '999');
    expect(tooMany.code).toBe(1);
    expect(tooMany.stderr).toMatch(/cannot revert 999/);
    expect((await manage(env, 'migrate', '--revert', 'two')).code).toBe(1);
  });
});
