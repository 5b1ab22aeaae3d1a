import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppConfig, loadConfig } from '@hub/config';
import { createServerApp } from '../../apps/server/src/bootstrap';
import { Database } from '../../apps/server/src/database/database.service';
import { RealmsService } from '../../apps/server/src/realms/realms.service';
import type { EditableRealmSetting, Realm } from '../../apps/server/src/identity/realm.types';
import { RealmsRepository } from '../../apps/server/src/identity/realms.repository';
import { UsersService } from '../../apps/server/src/users/users.service';
import { Role, User } from '../../apps/server/src/identity/user.types';
import { ApiClient, Credentials } from './api-client';
import { createTestDatabase, postgresAvailable, redisAvailable, REDIS_TEST_URL } from './services';

export interface TestServerOptions {
  /** `auto`: the real PostgreSQL when it answers, else embedded. */
  database?: 'auto' | 'postgres' | 'embedded';
  redis?: boolean;
  env?: Record<string, string>;
}

export interface TestUser extends Credentials {
  id: number;
  fullName: string;
  password: string;
  row: User;
}

export class TestServer {
  private counter = 0;

  constructor(
    public app: NestExpressApplication,
    readonly config: AppConfig,
    readonly url: string,
    readonly realm: Realm,
    readonly owner: TestUser,
    readonly databaseKind: 'postgres' | 'embedded',
    private readonly cleanup: Array<() => Promise<void>>,
  ) {}

  get db(): Database {
    return this.app.get(Database);
  }

  /** Changes realm settings directly (no API, no event), as the server's own writers do. */
  async updateRealm(changes: Partial<Pick<Realm, EditableRealmSetting>>): Promise<void> {
    await this.app.get(RealmsRepository).update(this.realm.id, changes);
  }

  /** An API client for `user`, or an anonymous one. */
  client(user?: Credentials, host?: string): ApiClient {
    return new ApiClient(this.url, user, host);
  }

  /** Creates a human user with a strong unique password. */
  async createUser(
    options: { role?: Role; email?: string; fullName?: string; realm?: Realm } = {},
  ): Promise<TestUser> {
    const n = ++this.counter;
    const email = options.email ?? `user${n}-${Date.now().toString(36)}@example.com`;
    const fullName = options.fullName ?? `Test User ${n}`;
    const password = `correct horse battery staple ${n} ${Math.random().toString(36).slice(2)}`;
    const row = await this.app.get(UsersService).createUser(options.realm ?? this.realm, {
      email,
      fullName,
      password,
      role: options.role ?? Role.Member,
    });
    return { id: row.id, email: row.email, apiKey: row.api_key, fullName, password, row };
  }

  async createRealm(subdomain: string, name = subdomain): Promise<Realm> {
    return this.app.get(RealmsService).createRealm(subdomain, name);
  }

  /**
   * Stops the server process's application (as a shutdown would) and boots a fresh one on the
   * same port, configuration and database: what a restart of the server looks like to clients.
   * `whileStopped` runs in between.
   */
  async restart(whileStopped?: () => Promise<void>): Promise<void> {
    const { port } = new URL(this.url);
    await this.app.close();
    await whileStopped?.();
    this.app = await createServerApp(this.config);
    await this.app.listen(Number(port), '127.0.0.1');
  }

  async stop(): Promise<void> {
    await this.app.close();
    for (const fn of this.cleanup.reverse()) await fn().catch(() => undefined);
  }
}

/** Boots the real server application on a free loopback port against a fresh database. */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const cleanup: Array<() => Promise<void>> = [];
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zh-test-'));
  cleanup.push(async () => fs.rmSync(dataDir, { recursive: true, force: true }));
  const env: Record<string, string | undefined> = {
    ...process.env,
    DATA_DIR: dataDir,
    PORT: '0',
    EXTERNAL_HOST: 'localhost',
    DATABASE_URL: undefined,
    REDIS_URL: undefined,
    // The suites' outgoing-webhook receivers listen on loopback.
    OUTGOING_WEBHOOK_ALLOWED_HOSTS: '127.0.0.1,localhost',
    ...options.env,
  };
  // TEST_DATABASE=embedded runs the suites on the embedded database (CI does, for the persistence layer).
  const wanted =
    options.database ?? (process.env.TEST_DATABASE === 'embedded' ? 'embedded' : 'auto');
  let databaseKind: 'postgres' | 'embedded' = 'embedded';
  if (wanted === 'postgres' || (wanted === 'auto' && (await postgresAvailable()))) {
    const database = await createTestDatabase();
    cleanup.push(database.drop);
    env.DATABASE_URL = database.url;
    databaseKind = 'postgres';
  }
  if (options.redis && (await redisAvailable())) env.REDIS_URL = REDIS_TEST_URL;
  const config = loadConfig(env);
  const app = await createServerApp(config);
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  const url = `http://127.0.0.1:${address.port}`;
  const realm = await app.get(RealmsService).createRealm('', 'Test Org');
  const password = 'owner password that is long and strong 42';
  const ownerRow = await app.get(UsersService).createUser(realm, {
    email: 'owner@example.com',
    fullName: 'Olivia Owner',
    password,
    role: Role.Owner,
  });
  const owner: TestUser = {
    id: ownerRow.id,
    email: ownerRow.email,
    apiKey: ownerRow.api_key,
    fullName: ownerRow.full_name,
    password,
    row: ownerRow,
  };
  return new TestServer(app, config, url, realm, owner, databaseKind, cleanup);
}
