import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { createServerApp } from '../../../apps/server/src/bootstrap';
import { RealmsService } from '../../../apps/server/src/realms/realms.service';
import { UsersService } from '../../../apps/server/src/users/users.service';
import { Role } from '../../../apps/server/src/identity/user.types';
import { AppConfig, loadConfig } from '@hub/config';
import { ApiClient, Credentials } from '../../helpers/api-client';
import { createTestDatabase, postgresAvailable } from '../../helpers/services';
import { freePort } from './gateway-stack';

/**
 * The real server on a fixed loopback port, which can be stopped and started again on the same
 * port and database (PostgreSQL when it answers, else the embedded one in the same DATA_DIR).
 */
export class RestartableServer {
  private app: NestExpressApplication | null = null;

  private constructor(
    readonly config: AppConfig,
    readonly url: string,
    private readonly cleanup: Array<() => Promise<void>>,
  ) {}

  static async create(env: Record<string, string> = {}): Promise<RestartableServer> {
    const cleanup: Array<() => Promise<void>> = [];
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zh-restart-'));
    cleanup.push(async () => fs.rmSync(dataDir, { recursive: true, force: true }));
    let databaseUrl: string | undefined;
    if (await postgresAvailable()) {
      const database = await createTestDatabase();
      cleanup.push(database.drop);
      databaseUrl = database.url;
    }
    const port = await freePort();
    const config = loadConfig({
      ...process.env,
      DATA_DIR: dataDir,
      PORT: String(port),
      EXTERNAL_HOST: 'localhost',
      DATABASE_URL: databaseUrl,
      REDIS_URL: undefined,
      GATEWAY_URL: '',
      RATE_LIMIT_PER_MINUTE: '1000000',
      ...env,
    });
    return new RestartableServer(config, `http://127.0.0.1:${port}`, cleanup);
  }

  get running(): NestExpressApplication {
    if (!this.app) throw new Error('the server is stopped');
    return this.app;
  }

  async start(): Promise<void> {
    const app = await createServerApp(this.config);
    await app.listen(this.config.port, '127.0.0.1');
    this.app = app;
  }

  async stop(): Promise<void> {
    const app = this.app;
    this.app = null;
    await app?.close();
  }

  /** Creates the root realm with an owner and a member; returns the member's credentials. */
  async seed(): Promise<{
    owner: Credentials & { id: number };
    member: Credentials & { id: number };
  }> {
    const realm = await this.running.get(RealmsService).createRealm('', 'Durable Org');
    const users = this.running.get(UsersService);
    const make = async (email: string, fullName: string, role: Role) => {
      const row = await users.createUser(realm, {
        email,
        fullName,
        password: `a long and unguessable password for ${fullName}`,
        role,
      });
      return { id: row.id, email: row.email, apiKey: row.api_key };
    };
    return {
      owner: await make('owner@example.com', 'Olivia Owner', Role.Owner),
      member: await make('member@example.com', 'Mia Member', Role.Member),
    };
  }

  client(user?: Credentials): ApiClient {
    return new ApiClient(this.url, user);
  }

  async destroy(): Promise<void> {
    await this.stop().catch(() => undefined);
    for (const fn of this.cleanup.reverse()) await fn().catch(() => undefined);
  }
}
