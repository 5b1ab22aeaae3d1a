import type { Database } from './database.service';

/**
 * A server-wide secret by name (`server_secrets`), created on first use with `fresh` and the same
 * in every process: signing keys for links that must outlive a restart.
 */
export async function serverSecret(db: Database, name: string, fresh: string): Promise<string> {
  await db.execute(
    'INSERT INTO server_secrets (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING',
    [name, fresh],
  );
  const row = await db.one<{ value: string }>('SELECT value FROM server_secrets WHERE name = $1', [
    name,
  ]);
  if (!row) throw new Error(`server secret ${name} is missing`);
  return row.value;
}
