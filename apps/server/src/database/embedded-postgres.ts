import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

/**
 * The embedded database: PGlite served over the PostgreSQL wire protocol on a Unix socket under
 * DATA_DIR, so the `pg` driver (and psql, and `npm run manage`) connect to it like to any server.
 */
export class EmbeddedPostgres {
  private constructor(
    private readonly db: PGlite | undefined,
    private readonly server: PGLiteSocketServer | undefined,
    readonly socketDir: string,
  ) {}

  /** The connection string the `pg` driver uses to reach this database. */
  get connectionString(): string {
    return `postgresql://postgres@localhost/postgres?host=${encodeURIComponent(this.socketDir)}`;
  }

  /** True when another process (a running server) already serves this data directory. */
  get attachedToOtherProcess(): boolean {
    return this.db === undefined;
  }

  /**
   * Serves `dataDir/pgdata` on `dataDir/run/.s.PGSQL.5432`, or attaches to the process that already
   * does. `dataDir` undefined keeps the database in memory (tests).
   */
  static async start(dataDir: string | undefined, socketDir: string): Promise<EmbeddedPostgres> {
    fs.mkdirSync(socketDir, { recursive: true });
    const socketPath = path.join(socketDir, '.s.PGSQL.5432');
    if (fs.existsSync(socketPath)) {
      if (await socketAnswers(socketPath))
        return new EmbeddedPostgres(undefined, undefined, socketDir);
      fs.unlinkSync(socketPath); // left behind by a process that died
    }
    if (dataDir) fs.mkdirSync(dataDir, { recursive: true });
    const db = await PGlite.create(dataDir ? { dataDir } : {});
    const server = new PGLiteSocketServer({ db, path: socketPath, maxConnections: 32 });
    await server.start();
    return new EmbeddedPostgres(db, server, socketDir);
  }

  async stop(): Promise<void> {
    await this.server?.stop();
    await this.db?.close();
  }
}

/** Whether a process serves the database socket at `socketPath`. */
export function socketAnswers(socketPath: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(socketPath);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
