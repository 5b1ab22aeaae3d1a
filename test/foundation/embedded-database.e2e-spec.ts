import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadConfig } from '@hub/config';
import { createServerApp } from '../../apps/server/src/bootstrap';
import { firstStart } from '../../apps/server/src/first-start';
import { ApiClient } from '../helpers/api-client';
import { manage } from '../cli/cli-harness';

/**
 * The default set-up: no DATABASE_URL, so the server serves PGlite on a Unix socket under DATA_DIR.
 * Data must survive a restart, and the CLI must work both beside the running server (through its
 * socket) and while it is stopped.
 */
describe('embedded PostgreSQL (no DATABASE_URL)', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zh-embedded-'));
  const env = {
    ...process.env,
    DATA_DIR: dataDir,
    DATABASE_URL: undefined,
    REDIS_URL: undefined,
    PORT: '0',
    EXTERNAL_HOST: 'localhost',
  };
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  async function boot() {
    const config = loadConfig(env);
    const app = await createServerApp(config);
    const welcome = await firstStart(app, config);
    await app.listen(0, '127.0.0.1');
    const { port } = app.getHttpServer().address() as { port: number };
    return { app, welcome, url: `http://127.0.0.1:${port}` };
  }

  it('creates the owner on first start, keeps data across restarts, and serves the CLI both ways', async () => {
    const first = await boot();
    expect(first.welcome).not.toBeNull();
    const password = /with password (\S+)/.exec(first.welcome!.join('\n'))![1];
    const zuliprc = fs.readFileSync(path.join(dataDir, 'owner.zuliprc'), 'utf8');
    expect(zuliprc).toMatch(
      /^\[api\]\nemail=owner@example.com\nkey=[A-Za-z0-9]{32}\nsite=http:\/\/localhost\n$/,
    );

    const login = await new ApiClient(first.url).post('/fetch_api_key', {
      username: 'owner@example.com',
      password,
    });
    expect(login.status).toBe(200);
    const key = login.body.api_key as string;

    // The CLI beside the running server goes through the server's socket.
    const beside = await manage(
      { DATA_DIR: dataDir, DATABASE_URL: undefined },
      'create-user',
      '--email',
      'second@example.com',
      '--full-name',
      'Second',
    );
    expect(beside.code).toBe(0);
    await first.app.close();

    // Stopped: the CLI opens the database itself.
    const stopped = await manage(
      { DATA_DIR: dataDir, DATABASE_URL: undefined },
      'list-users',
      '--json',
    );
    expect(stopped.code).toBe(0);
    expect(JSON.parse(stopped.stdout).map((u: { email: string }) => u.email)).toEqual([
      'owner@example.com',
      'second@example.com',
    ]);

    const second = await boot();
    expect(second.welcome).toBeNull(); // later starts change nothing
    const again = await new ApiClient(second.url).post('/fetch_api_key', {
      username: 'owner@example.com',
      password,
    });
    expect(again.body.api_key).toBe(key);
    await second.app.close();
    // Two boots of the embedded database and the CLI in between: minutes on a busy machine.
  }, 240_000);
});
