import * as fs from 'node:fs';
import { Client } from 'pg';
import type { AppConfig } from '@hub/config';
import { pgConnection } from '../../apps/server/src/database/pg-tls';

/** What a failed upgrade left, moved out of the way of a restore; `undo` puts it back. */
export interface SetAside {
  /** Where each thing went: `database "x_failed_…"`, a folder. */
  kept: string[];
  undo(): Promise<void>;
}

const quote = (id: string) => `"${id.replace(/"/g, '""')}"`;

/**
 * Moves the installation's database and uploads aside (the database renamed to
 * `<name>_failed_<suffix>`, or the embedded one's `pgdata` and the uploads folder renamed with
 * `.failed-<suffix>`), so that `manage restore-backup`, which only restores onto a fresh
 * installation, can put a backup in their place. Nothing is deleted. The service must be stopped.
 */
export async function setAside(config: AppConfig, suffix: string): Promise<SetAside> {
  const undo: Array<() => Promise<void>> = [];
  const kept: string[] = [];
  const putBack = async () => {
    for (const step of undo.reverse()) await step();
    undo.length = 0;
  };
  try {
    if (config.databaseUrl) {
      const url = new URL(config.databaseUrl);
      const name = decodeURIComponent(url.pathname.slice(1));
      const aside = `${name.slice(0, 40)}_failed_${suffix}`.slice(0, 63);
      url.pathname = '/postgres';
      const admin = async (work: (c: Client) => Promise<void>) => {
        const client = new Client(pgConnection(url.toString(), config.databaseTls));
        await client.connect();
        try {
          await work(client);
        } finally {
          await client.end().catch(() => undefined);
        }
      };
      let moved = false;
      await admin(async (c) => {
        const found = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
        if (found.rowCount === 0) return;
        // Sessions the stopped service left behind (none, normally) would block the rename.
        await c.query(
          'SELECT pg_terminate_backend(pid) FROM pg_stat_activity ' +
            'WHERE datname = $1 AND pid <> pg_backend_pid()',
          [name],
        );
        await c.query(`ALTER DATABASE ${quote(name)} RENAME TO ${quote(aside)}`);
        moved = true;
      });
      if (moved) {
        kept.push(`database "${aside}"`);
        undo.push(() =>
          admin(async (c) => {
            await c.query(`DROP DATABASE IF EXISTS ${quote(name)} WITH (FORCE)`);
            await c.query(`ALTER DATABASE ${quote(aside)} RENAME TO ${quote(name)}`);
          }),
        );
      }
    } else {
      moveAside(`${config.dataDir}/pgdata`, suffix, kept, undo);
    }
    moveAside(config.uploads.dir, suffix, kept, undo);
  } catch (err) {
    await putBack().catch(() => undefined);
    throw err;
  }
  return { kept, undo: putBack };
}

function moveAside(
  dir: string,
  suffix: string,
  kept: string[],
  undo: Array<() => Promise<void>>,
): void {
  if (!fs.existsSync(dir)) return;
  const aside = `${dir}.failed-${suffix}`;
  fs.renameSync(dir, aside);
  kept.push(aside);
  undo.push(async () => {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.renameSync(aside, dir);
  });
}
